package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.Snowflake;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.SqlCapture;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A big group's unread count by its sequence (issue 17): a member who has read is counted by a
 * subtraction, without counting messages, and every change the subtraction cannot see (a recall,
 * a one-way deletion, leaving and coming back) still gives the exact count.
 */
@IntegrationTest
class BigGroupUnreadTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    ServerConversations server;
    @Autowired
    DeletionService deletions;
    @Autowired
    AuditedActions audited;
    @Autowired
    IdGenerator ids;
    @Autowired
    BigGroups bigGroups;
    @Autowired
    MessageRepository messageRows;
    @Autowired
    PlatformTransactionManager transactions;

    private App bigGroupApp() {
        // more than two members is big: the group below follows its state from its first send on
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withBigGroupMembers(2));
        groups.createGroup(app, "crowd", "Crowd", "ann", List.of("ben", "cat", "dan"));
        chats.toGroup(app, "ben", "crowd", "hello");
        return app;
    }

    @Test
    void aMemberWhoHasReadIsCountedWithoutCountingMessages() {
        App app = bigGroupApp();
        ConversationRef ann = ConversationRef.of("ann", ChatType.GROUPCHAT, "crowd");
        server.read(app, ann, null);
        chats.toGroup(app, "cat", "crowd", "one");
        chats.toGroup(app, "cat", "crowd", "two");
        long three = chats.toGroup(app, "dan", "crowd", "three");
        assertCountedBySequence(app, "ann", 3);
        deletions.deleteByIds(app, ann, List.of(three));
        assertThat(unread(app, "ann")).as("after ann hid a message above her read point").isEqualTo(2);

        server.read(app, ann, null);
        long four = chats.toGroup(app, "ben", "crowd", "four");
        chats.toGroup(app, "ben", "crowd", "five");
        assertCountedBySequence(app, "ann", 2);
        audited.recall(Actor.apiClient("test-client"), app,
                List.of(new RecallService.RecallRequest(four, "crowd", ChatType.GROUPCHAT, null, false)), null, null);
        assertThat(unread(app, "ann")).as("after a recall above ann's read point").isEqualTo(1);

        server.read(app, ann, null);
        for (int i = 0; i < ServerConversations.UNREAD_CAP + 5; i++) {
            chats.toGroup(app, "cat", "crowd", "more " + i);
        }
        assertCountedBySequence(app, "ann", ServerConversations.UNREAD_CAP);
    }

    @Test
    void aSenderCountsWhatOthersSentAfterItsOwnMessage() {
        App app = bigGroupApp();
        chats.toGroup(app, "dan", "crowd", "mine");
        chats.toGroup(app, "ben", "crowd", "one");
        chats.toGroup(app, "cat", "crowd", "two");
        assertCountedBySequence(app, "dan", 2);
        server.readAll(app, "cat");
        chats.toGroup(app, "ben", "crowd", "three");
        assertCountedBySequence(app, "cat", 1);
    }

    @Test
    void aMemberWhoLeftAndCameBackCountsWhatWasSaidMeanwhile() {
        App app = bigGroupApp();
        groups.addMembers(app, "crowd", List.of("eve"));
        ConversationRef dan = ConversationRef.of("dan", ChatType.GROUPCHAT, "crowd");
        server.read(app, dan, null);
        groups.removeMembers(app, "crowd", List.of("dan"));
        chats.toGroup(app, "cat", "crowd", "while dan was away");
        groups.addMembers(app, "crowd", List.of("dan"));
        chats.toGroup(app, "cat", "crowd", "welcome back");
        assertThat(unread(app, "dan")).isEqualTo(2);
        server.read(app, dan, null);
        chats.toGroup(app, "eve", "crowd", "hi dan");
        assertCountedBySequence(app, "dan", 1);
    }

    /** A message of the race: its id, and whether ann sent it. */
    private record Sent(long id, boolean own) {
    }

    /**
     * Reads storing read points while others send and the reader hides messages and answers, all at
     * once: afterwards the count is exactly the others' messages after her read point that she did
     * not hide, whether it comes from the sequence or from the walk.
     */
    @Test
    void readsHidesAndSendsInParallelKeepTheCountExact() throws Exception {
        App app = bigGroupApp();
        ConversationRef ann = ConversationRef.of("ann", ChatType.GROUPCHAT, "crowd");
        List<Sent> sent = new CopyOnWriteArrayList<>();
        Set<Long> hidden = ConcurrentHashMap.newKeySet();
        AtomicLong readUpTo = new AtomicLong();
        var pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (String peer : List.of("ben", "cat")) {
            workers.add(pool.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    sent.add(new Sent(chats.toGroup(app, peer, "crowd", "m" + i), false));
                }
            }));
        }
        workers.add(pool.submit(() -> {
            for (int i = 0; i < 30; i++) {
                readUpTo.accumulateAndGet(server.read(app, ann, null).readUpTo(), Math::max);
                if (i % 8 == 0) {
                    sent.add(new Sent(chats.toGroup(app, "ann", "crowd", "answer " + i), true));
                }
            }
        }));
        workers.add(pool.submit(() -> {
            // fewer rounds than the reads, and the reads fewer than the sends: the race ends on reads storing
            // read points while messages arrive
            for (int i = 0; i < 15; i++) {
                List<Sent> now = List.copyOf(sent);
                if (!now.isEmpty()) { // one of the newest: most likely above the read point
                    long pick = now.get(Math.max(0, now.size() - 1 - ThreadLocalRandom.current().nextInt(3))).id();
                    deletions.deleteByIds(app, ann, List.of(pick));
                    hidden.add(pick);
                }
                unread(app, "ann");
            }
        }));
        for (var w : workers) {
            w.get();
        }
        pool.shutdown();
        long own = sent.stream().filter(Sent::own).mapToLong(Sent::id).max().orElse(0L);
        long from = Math.max(own, readUpTo.get());
        long expected = sent.stream().filter(m -> !m.own() && m.id() > from && !hidden.contains(m.id())).count();
        assertThat(unread(app, "ann")).as("ann's count after the race").isEqualTo((int) Math.min(expected, ServerConversations.UNREAD_CAP));
    }

    /**
     * A message committed after a newer one (its id taken before it, as a second instance's send can
     * be): its sequence is above the newer message's, so the sender's own read point, stored with it,
     * must not be trusted; the list counts the newer message by the walk.
     */
    @Test
    void aLateMessageLeavesNoReadPointTrusted() {
        App app = bigGroupApp();
        long early = ids.nextId();
        chats.toGroup(app, "ben", "crowd", "newer");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            GroupState s = bigGroups.lockState(app, "crowd");
            StoredMessage late = new StoredMessage(early, ConvKeys.group("crowd"), "ann", "crowd", ChatType.GROUPCHAT,
                    BodyType.TXT, "{\"msg\":\"late\"}", null, Origin.SDK, Snowflake.timestampOf(early));
            messageRows.insertMessages(app.appId(), List.of(late));
            bigGroups.deliverAll(app, s, List.of(late));
        });
        assertThat(unread(app, "ann")).as("ben's message is newer than ann's late one").isEqualTo(1);
    }

    /** The owner's count of the group as the list shows it, and no statement of that list counted messages. */
    private void assertCountedBySequence(App app, String owner, int expected) {
        SqlCapture.start();
        int listed;
        List<String> statements;
        try {
            listed = unread(app, owner);
        } finally {
            statements = SqlCapture.stop();
        }
        assertThat(listed).as(owner + "'s unread count of the big group").isEqualTo(expected);
        // the list still reads the newest message itself (its body), by primary key
        assertThat(new ArrayList<>(statements)).as("the list's statements")
                .noneMatch(q -> q.contains("`message`") && q.contains("count("));
    }

    private int unread(App app, String owner) {
        return server.list(app, owner, null, 20, false, null).entries().stream()
                .filter(e -> e.conversation().convId().equals("crowd")).findFirst().orElseThrow().unread();
    }
}
