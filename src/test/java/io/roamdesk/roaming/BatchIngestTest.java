package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A gateway batch leaves exactly the state the same messages sent one by one would. */
@IntegrationTest
class BatchIngestTest {

    @Autowired
    TestApps testApps;
    @Autowired
    IngestService ingest;
    @Autowired
    GroupService groups;
    @Autowired
    Chats chats;
    @Autowired
    ConversationService conversations;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;
    @Autowired
    MessageRepository messageRows;
    @Autowired
    io.roamdesk.core.IdGenerator ids;

    private static SendRequest text(String from, ChatType type, String to, String msg) {
        return new SendRequest(from, type, List.of(to), BodyType.TXT, "{\"msg\":\"" + msg + "\"}", null, Origin.SDK);
    }

    @Test
    void aStoredIdIsRefusedAsADuplicateSoTheGroupCommitBlamesOneSend() {
        // the insert runs straight through JDBC: its errors must still be Spring's, or a shared batch would fail every
        // send instead of writing them one by one, and a deadlock would not be retried
        App app = testApps.createRoaming();
        long id = ids.nextId();
        var message = new StoredMessage(id, ConvKeys.single("ann", "ben"), "ann", "ben", ChatType.CHAT, BodyType.TXT,
                "{\"msg\":\"m\"}", null, Origin.SDK, io.roamdesk.core.Snowflake.timestampOf(id));
        messageRows.insertMessages(app.appId(), List.of(message));
        assertThatThrownBy(() -> messageRows.insertMessages(app.appId(), List.of(message)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void aBatchUpdatesEveryListToItsNewestMessageAndStoresAllMessagesInOrder() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "crew", "Crew", "u0", List.of("u1", "u2", "u3"));
        long before = chats.text(app, "u0", "u1", "sent earlier");
        // u0 had hidden the conversation with u1: a batch message brings it back like a single send
        deletions.deleteConversation(app, ConversationRef.of("u0", ChatType.CHAT, "u1"), false, n -> { });
        Random rnd = new Random(3);
        List<SendRequest> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int a = rnd.nextInt(4);
            int b = (a + 1 + rnd.nextInt(3)) % 4;
            batch.add(i % 10 == 0 ? text("u" + a, ChatType.GROUPCHAT, "crew", "g" + i) : text("u" + a, ChatType.CHAT, "u" + b, "m" + i));
        }
        List<Long> ids = ingest.sendBatch(app, batch);
        assertThat(ids).hasSize(120).isSorted().doesNotHaveDuplicates();
        for (int u = 0; u < 4; u++) {
            String owner = "u" + u;
            List<ConversationEntry> listed = conversations.page(app, owner, 1, 50);
            assertThat(listed).as(owner + "'s list (every user is in the group)").isNotEmpty();
            for (ConversationEntry c : listed) {
                List<MessageEntry> newest = history.fetch(app, HistoryRequest.newest(owner, c.chatType(), c.convId(), 1)).messages();
                assertThat(c.latest().msgId()).as(owner + " / " + c.convId()).isEqualTo(newest.get(0).msgId());
            }
        }
        assertThat(conversations.page(app, "u0", 1, 50)).extracting(ConversationEntry::convId).contains("u1", "crew");
        List<Long> all = new ArrayList<>();
        HistoryRequest req = HistoryRequest.newest("u2", ChatType.GROUPCHAT, "crew", 50);
        history.fetch(app, req).messages().forEach(m -> all.add(m.msgId()));
        assertThat(all).hasSize(12);
        assertThat(before).isLessThan(ids.get(0));
    }

    @Test
    void oneBadMessageRefusesTheWholeBatch() {
        App app = testApps.createRoaming();
        List<SendRequest> batch = new ArrayList<>(Collections.nCopies(3, text("a1", ChatType.CHAT, "a2", "ok")));
        batch.add(text("a1", ChatType.GROUPCHAT, "no-such-group", "x"));
        assertThatThrownBy(() -> ingest.sendBatch(app, batch)).isInstanceOf(RoamdeskException.class);
        assertThat(conversations.page(app, "a1", 1, 20)).isEmpty();
        assertThatThrownBy(() -> ingest.sendBatch(app, List.of())).isInstanceOf(RoamdeskException.class);
    }

    @Test
    void concurrentBatchesToTheSameUsersAllLand() throws Exception {
        App app = testApps.createRoaming();
        List<Long> all = inParallel(4, rnd -> {
            List<Long> ids = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                List<SendRequest> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    int a = rnd.nextInt(30);
                    batch.add(rnd.nextBoolean() ? text("p" + a, ChatType.CHAT, "hub", "x") : text("hub", ChatType.CHAT, "p" + a, "y"));
                }
                ids.addAll(ingest.sendBatch(app, batch));
            }
            return ids;
        });
        assertThat(all).hasSize(2000).doesNotHaveDuplicates();
        List<ConversationEntry> hubList = conversations.page(app, "hub", 1, 50);
        assertThat(hubList).as("the hub talked with every one of the 30 peers").hasSize(30);
        for (ConversationEntry c : hubList) {
            List<MessageEntry> newest = history.fetch(app, HistoryRequest.newest("hub", ChatType.CHAT, c.convId(), 1)).messages();
            assertThat(c.latest().msgId()).isEqualTo(newest.get(0).msgId());
        }
    }

    @Test
    void concurrentSingleSendsAllLandEachWithItsOwnId() throws Exception {
        App app = testApps.createRoaming();
        List<Long> all = inParallel(16, rnd -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String peer = "s" + rnd.nextInt(40);
                SendRequest send = rnd.nextBoolean() ? text(peer, ChatType.CHAT, "hub", "in") : text("hub", ChatType.CHAT, peer, "out");
                ids.add(ingest.send(app, send).values().iterator().next());
            }
            return ids;
        });
        assertThat(all).hasSize(640).doesNotHaveDuplicates();
        List<Long> stored = new ArrayList<>();
        List<ConversationEntry> hubList = conversations.page(app, "hub", 1, 50);
        assertThat(hubList).as("the hub's conversations").isNotEmpty();
        for (ConversationEntry c : hubList) {
            List<MessageEntry> page = history.fetch(app, HistoryRequest.newest("hub", ChatType.CHAT, c.convId(), 50)).messages();
            assertThat(c.latest().msgId()).isEqualTo(page.get(0).msgId());
            page.forEach(m -> stored.add(m.msgId()));
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
    }

    /** Runs the sender on that many threads at once (thread t with a Random seeded t); all ids sent. */
    private static List<Long> inParallel(int threads, java.util.function.Function<Random, List<Long>> sender)
            throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random rnd = new Random(t);
                futures.add(pool.submit(() -> sender.apply(rnd)));
            }
            List<Long> all = new ArrayList<>();
            for (var f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
