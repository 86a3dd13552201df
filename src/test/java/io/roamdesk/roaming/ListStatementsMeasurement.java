package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.Setting;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where the cursor list's time goes (issue 16's missed target), statement by statement, in this JVM
 * with no HTTP: the same data as {@code PinsListMeasurement} (1,000 conversations, 3 unread on each).
 * Not part of the suite: a tool to compare statement shapes under the same machine load.
 */
@Tag("benchmark")
@IntegrationTest
class ListStatementsMeasurement {

    @Autowired
    TestApps testApps;
    @Autowired
    AppService apps;
    @Autowired
    IngestService ingest;
    @Autowired
    ServerConversations server;
    @Autowired
    ConversationService conversations;
    @Autowired
    ConversationIndexRepository index;
    @Autowired
    MessageRepository messageRows;
    @Autowired
    UnreadRepository unread;
    @Autowired
    DSLContext db;

    @Test
    void timeEachStatementOfTheCursorList() throws Exception {
        App app = testApps.createRoaming();
        app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.CONVERSATION_CAP, "2000", "bench", "measurement");
        for (int round = 0; round < 4; round++) {
            List<SendRequest> batch = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                String peer = "peer" + i;
                batch.add(round == 0 ? new SendRequest("alice", ChatType.CHAT, List.of(peer), BodyType.TXT, "{\"msg\":\"hi\"}", null,
                        Origin.SDK) : new SendRequest(peer, ChatType.CHAT, List.of("alice"), BodyType.TXT, "{\"msg\":\"m\"}", null,
                        Origin.SDK));
                if (batch.size() == 500) {
                    ingest.sendBatch(app, batch);
                    batch = new ArrayList<>();
                }
            }
        }
        final App a = app;
        long appId = app.appId();
        var rows = index.listConversations(appId, "alice", false, false, null, 0, 0, 21).subList(0, 20);
        List<UnreadRepository.Probe> probes = rows.stream().map(UnreadRepository.Probe::of).toList();
        List<Map.Entry<String, Long>> keys = rows.stream().map(r -> Map.entry(r.getConvKey(), r.getLatestVisibleMsgId())).toList();
        time("whole service call list(20)", () -> server.list(a, "alice", null, 20, false, null));
        time("whole service call page(1,20)", () -> conversations.page(a, "alice", 1, 20));
        time("list query (21 rows)", () -> index.listConversations(appId, "alice", false, false, null, 0, 0, 21));
        time("latest messages by key", () -> messageRows.messagesByKey(appId, keys));
        time("counts (UNION ALL of counted derived tables)",
                () -> unread.unreadQuery(appId, "alice", probes, ServerConversations.UNREAD_CAP).fetch());
        time("counts (UNION ALL of bounded rows, counted here)", () -> unionOfRows(appId, "alice", probes).fetch());
    }

    private Select<?> unionOfRows(long appId, String owner, List<UnreadRepository.Probe> probes) {
        Select<? extends Record> union = null;
        for (int i = 0; i < probes.size(); i++) {
            var one = unreadRows(appId, owner, probes.get(i));
            union = union == null ? one : union.unionAll((Select) one);
        }
        return union;
    }

    private static org.jooq.SelectLimitPercentStep<org.jooq.Record1<Long>> unreadRows(long appId, String owner,
            UnreadRepository.Probe p) {
        return select(MESSAGE.MSG_ID)
                .from(MESSAGE.forceIndex("PRIMARY").leftJoin(MESSAGE_HIDDEN).on(MESSAGE_HIDDEN.APP_ID.eq(MESSAGE.APP_ID),
                        MESSAGE_HIDDEN.CONV_KEY.eq(MESSAGE.CONV_KEY), MESSAGE_HIDDEN.OWNER.eq(owner),
                        MESSAGE_HIDDEN.MSG_ID.eq(MESSAGE.MSG_ID)))
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(p.convKey()))
                .and(MESSAGE.MSG_ID.gt(p.after())).and(MESSAGE.MSG_ID.le(p.upTo()))
                .and(MESSAGE.SENDER.ne(owner))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .and(MESSAGE_HIDDEN.MSG_ID.isNull())
                .limit(ServerConversations.UNREAD_CAP);
    }

    private static void time(String name, Runnable action) {
        Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        for (int i = 0; i < 300; i++) {
            action.run();
        }
        for (int i = 0; i < 1_000; i++) {
            long start = System.nanoTime();
            action.run();
            h.recordValue(Math.max(1, System.nanoTime() - start));
        }
        System.out.printf("LIST-STATEMENTS | %s | %.2f | %.2f | %.2f%n", name, h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }
}
