package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.Setting;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where the cursor list's time goes (issue 16's missed target), statement by statement, in this JVM
 * with no HTTP, on the data of {@code PinsListMeasurement} (1,000 conversations, 3 unread on each).
 * The variants run interleaved, one of each per round, so a shared machine's load falls on all of
 * them alike; the former shapes (the second read of the rows, the per-entry probes of the sender
 * index, the counts as scalar subqueries) are rebuilt here to compare. Not part of the suite.
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
    ConversationPrefsRepository prefs;
    @Autowired
    MessageRepository messageRows;
    @Autowired
    UnreadRepository unread;
    @Autowired
    DSLContext db;

    @Test
    void timeEachStatementOfTheCursorList() {
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
        List<ConversationRef> refs = rows.stream()
                .map(r -> ConversationRef.of("alice", JooqEnums.chatType(r.getChatType()), r.getConvId())).toList();
        List<Map.Entry<String, Long>> keys = rows.stream().map(r -> Map.entry(r.getConvKey(), r.getLatestVisibleMsgId())).toList();
        Map<String, Runnable> variants = new LinkedHashMap<>();
        variants.put("cursor list of 20, service call (now)", () -> server.list(a, "alice", null, 20, false, null));
        variants.put("cursor list of 20, the former statements", () -> {
            conversations.cursorPage(a, "alice", null, 20);
            prefs.rows(appId, "alice", refs);
            db.fetchOne(ownLatest(appId, "alice", probes));
            db.fetchOne(scalarCounts(appId, "alice", probes));
        });
        variants.put("page list of 20, service call", () -> conversations.page(a, "alice", 1, 20));
        variants.put("list query (21 rows)", () -> index.listConversations(appId, "alice", false, false, null, 0, 0, 21));
        variants.put("latest messages by key", () -> messageRows.messagesByKey(appId, keys));
        variants.put("former: rows read again (prefs.rows)", () -> prefs.rows(appId, "alice", refs));
        variants.put("former: own newest, 20 scalar subqueries", () -> db.fetchOne(ownLatest(appId, "alice", probes)));
        variants.put("former: counts, 20 scalar subqueries", () -> db.fetchOne(scalarCounts(appId, "alice", probes)));
        variants.put("counts, UNION ALL of counted derived tables (now)",
                () -> unread.unread(appId, "alice", probes, ServerConversations.UNREAD_CAP));
        variants.put("counts, UNION ALL of bounded rows counted here", () -> db.fetch(unionOfRows(appId, "alice", probes)));
        interleaved(variants, 200, 1_000);
    }

    private static void interleaved(Map<String, Runnable> variants, int warmup, int rounds) {
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, Histogram> h = new LinkedHashMap<>();
        names.forEach(n -> h.put(n, new Histogram(TimeUnit.MINUTES.toNanos(1), 3)));
        for (int round = 0; round < warmup + rounds; round++) {
            for (int k = 0; k < names.size(); k++) {
                String n = names.get((round + k) % names.size());
                long start = System.nanoTime();
                variants.get(n).run();
                if (round >= warmup) {
                    h.get(n).recordValue(Math.max(1, System.nanoTime() - start));
                }
            }
        }
        h.forEach((n, x) -> System.out.printf("LIST-STATEMENTS | %s | %.2f | %.2f | %.2f%n", n,
                x.getValueAtPercentile(50) / 1e6, x.getValueAtPercentile(99) / 1e6, x.getMaxValue() / 1e6));
    }

    private static Select<?> ownLatest(long appId, String owner, List<UnreadRepository.Probe> probes) {
        List<Field<?>> own = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            own.add(field(select(coalesce(max(MESSAGE.MSG_ID), inline(0L))).from(MESSAGE)
                    .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(probes.get(i).convKey()))
                    .and(MESSAGE.SENDER.eq(owner))).as("o" + i));
        }
        return select(own);
    }

    private static Select<?> scalarCounts(long appId, String owner, List<UnreadRepository.Probe> probes) {
        List<Field<?>> counts = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            counts.add(field(selectCount().from(unreadRows(appId, owner, probes.get(i)).asTable("unread_" + i))).as("u" + i));
        }
        return select(counts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Select<?> unionOfRows(long appId, String owner, List<UnreadRepository.Probe> probes) {
        Select union = null;
        for (int i = 0; i < probes.size(); i++) {
            Select branch = unreadBranch(appId, owner, probes.get(i), i);
            union = union == null ? branch : union.unionAll(branch);
        }
        return union;
    }

    private static Select<?> unreadBranch(long appId, String owner, UnreadRepository.Probe p, int i) {
        return select(inline(i).as("probe"))
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

    private static Select<? extends Record> unreadRows(long appId, String owner, UnreadRepository.Probe p) {
        return select(inline(1).as("one"))
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
}
