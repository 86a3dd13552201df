package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.core.Snowflake;
import io.roamdesk.jooq.tables.records.MessageRecord;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The races of read fan-out that a sequential comparison cannot show: a message whose id was taken
 * before a newer one committed, a batch against a clear-all of the same user, and concurrent
 * membership changes.
 */
@IntegrationTest
class BigGroupRacesTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    DeletionService deletions;
    @Autowired
    ConversationService conversations;
    @Autowired
    IngestService ingest;
    @Autowired
    MessageRepository messageRows;
    @Autowired
    BigGroups bigGroups;
    @Autowired
    GroupStateRepository states;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ServerConversations server;

    private App bigGroupApp() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withBigGroupMembers(2));
        groups.createGroup(app, "big", "Big", "u0", List.of("u1", "u2", "u3"));
        return app;
    }

    private String latestBody(App app, String owner) {
        return conversations.page(app, owner, 1, 20).stream().filter(e -> e.convId().equals("big")).findFirst()
                .map(e -> e.latest() == null ? "-" : e.latest().body()).orElse("not listed");
    }

    @Test
    void aMessageCommittingAfterASettleOfNewerOnesStillBecomesTheLatest() {
        App app = bigGroupApp();
        chats.toGroup(app, "u1", "big", "first");
        long newer = chats.toGroup(app, "u2", "big", "newer");
        // u0 hides the newest message: u0's row is settled up to it and falls back to "first"
        deletions.deleteByIds(app, new ConversationRef("u0", ChatType.GROUPCHAT, "big"), List.of(newer));
        assertThat(latestBody(app, "u0")).contains("first");
        // a send whose id was taken before "newer" committed only now commits
        long late = newer - 1;
        tx.executeWithoutResult(s -> {
            GroupState state = bigGroups.lockState(app, "big");
            StoredMessage message = new StoredMessage(late, ConvKeys.group("big"), "u3", "big",
                    ChatType.GROUPCHAT, BodyType.TXT, "{\"msg\":\"late\"}", null, Origin.SDK, Snowflake.timestampOf(late));
            messageRows.insertMessages(app.appId(), List.of(message));
            bigGroups.deliverAll(app, state, List.of(message));
        });
        // as under write fan-out, whose upsert would have raised u0's row to it
        assertThat(latestBody(app, "u0")).contains("late");
        assertThat(latestBody(app, "u1")).contains("newer");
    }

    @Test
    void batchesWithAChatAndABigGroupMessageRunBesideClearAllsOfTheSameUser() throws Exception {
        App app = bigGroupApp();
        chats.toGroup(app, "u1", "big", "first");
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long until = System.currentTimeMillis() + 4_000;
        var sends = CompletableFuture.runAsync(() -> {
            while (System.currentTimeMillis() < until) {
                try {
                    ingest.sendBatch(app, List.of(
                            new SendRequest("u1", ChatType.CHAT, List.of("u0"), BodyType.TXT, "{\"msg\":\"c\"}", null, Origin.SDK),
                            new SendRequest("u2", ChatType.GROUPCHAT, List.of("big"), BodyType.TXT, "{\"msg\":\"g\"}", null,
                                    Origin.SDK)));
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        var clears = CompletableFuture.runAsync(() -> {
            while (System.currentTimeMillis() < until) {
                try {
                    deletions.clearAll(app, "u0");
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        CompletableFuture.allOf(sends, clears).get(60, TimeUnit.SECONDS);
        assertThat(failures).as("no deadlock between a batch and a clear-all").isEmpty();
    }

    @Test
    void concurrentJoinsAndLeavesOfTheSameUsersKeepTheMemberCount() throws Exception {
        App app = bigGroupApp();
        var runs = IntStream.range(0, 4).mapToObj(t -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 15; i++) {
                groups.addMembers(app, "big", List.of("v1", "v2"));
                if ((i + t) % 2 == 0) {
                    groups.removeMembers(app, "big", List.of("v1"));
                }
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(runs).get(60, TimeUnit.SECONDS);
        int members = groups.members(app, "big").size();
        assertThat(states.states(app.appId(), List.of("big")).get(0).memberCount()).as("the state's count").isEqualTo(members);
    }

    @Test
    void concurrentSendsToABigGroupSharingTransactionsLoseNothing() throws Exception {
        App app = bigGroupApp();
        chats.toGroup(app, "u1", "big", "first"); // the group crosses into read fan-out
        List<Long> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        var runs = IntStream.range(0, 6).mapToObj(t -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 15; i++) {
                sent.add(chats.toGroup(app, "u" + (t % 3), "big", "m" + t + "-" + i));
                if (i % 5 == 0) {
                    chats.text(app, "u" + (t % 3), "u3", "aside"); // single chats in the same lanes
                }
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(runs).get(60, TimeUnit.SECONDS);
        long newest = sent.stream().mapToLong(Long::longValue).max().orElseThrow();
        var entry = server.list(app, "u3", null, 20, false, null).entries().stream()
                .filter(e -> e.conversation().convId().equals("big")).findFirst().orElseThrow();
        assertThat(entry.conversation().latest().msgId()).as("the newest of the concurrent sends is u3's latest").isEqualTo(newest);
        assertThat(entry.unread()).as("every send counted once in u3's unread count").isEqualTo(1 + sent.size());
        assertThat(messageRows.newestNotDeletedForAll(app.appId(), ConvKeys.group("big"), Long.MAX_VALUE))
                .map(MessageRecord::getMsgId).contains(newest);
    }

    @Test
    void aBatchOfSeveralMessagesToABigGroupCountsFromEachSendersNewestOwn() {
        App app = bigGroupApp();
        chats.toGroup(app, "u1", "big", "first"); // the group crosses into read fan-out
        List<Long> ids = ingest.sendBatch(app, List.of(toBig("u1", "a"), toBig("u2", "b"), toBig("u1", "c"), toBig("u3", "d")));
        // one transaction: the state and each sender's row move once, to the newest id
        assertThat(bigEntry(app, "u0").conversation().latest().msgId()).isEqualTo(ids.get(3));
        assertThat(bigEntry(app, "u0").unread()).as("u0 sent none of the five").isEqualTo(5);
        assertThat(bigEntry(app, "u1").unread()).as("after u1's newest own, c: d").isEqualTo(1);
        assertThat(bigEntry(app, "u2").unread()).as("after u2's own b: c and d").isEqualTo(2);
        assertThat(bigEntry(app, "u3").unread()).as("u3 sent the newest").isZero();
    }

    private static SendRequest toBig(String from, String text) {
        return new SendRequest(from, ChatType.GROUPCHAT, List.of("big"), BodyType.TXT, "{\"msg\":\"" + text + "\"}", null, Origin.SDK);
    }

    private ConversationListItem bigEntry(App app, String owner) {
        return server.list(app, owner, null, 20, false, null).entries().stream()
                .filter(e -> e.conversation().convId().equals("big")).findFirst().orElseThrow();
    }
}
