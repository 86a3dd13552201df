package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The maintained unread counter ({@code unread_num}) step by step: after every send, batch, read,
 * deletion, recall and membership change the stored counter is either "not known" or exactly the
 * bounded count of the messages, and the list answers that count; sends and reads keep it known.
 */
@IntegrationTest
class UnreadCounterTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    IngestService ingest;
    @Autowired
    ServerConversations server;
    @Autowired
    DeletionService deletions;
    @Autowired
    GroupService groups;
    @Autowired
    AuditedActions audited;
    @Autowired
    ConversationPrefsRepository prefs;
    @Autowired
    UnreadRepository unread;
    @Autowired
    IdGenerator ids;
    @Autowired
    MessageRepository messageRows;
    @Autowired
    ConversationUpdateRepository conversationUpdates;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private static ConversationRef chat(String owner, String peer) {
        return ConversationRef.of(owner, ChatType.CHAT, peer);
    }

    @Test
    void singleChatSendsBatchesReadsAndDeletions() {
        App app = testApps.createRoaming();
        chats.text(app, "ben", "ann", "1");
        long m2 = chats.text(app, "ben", "ann", "2");
        chats.text(app, "ben", "ann", "3");
        assertKnown(app, chat("ann", "ben"), 3);
        assertKnown(app, chat("ben", "ann"), 0);

        server.read(app, chat("ann", "ben"), m2);
        assertKnown(app, chat("ann", "ben"), 1);

        chats.text(app, "ann", "ben", "answer"); // the owner's own newest message is its read point
        assertKnown(app, chat("ann", "ben"), 0);
        assertKnown(app, chat("ben", "ann"), 1);

        // one batch, one upsert: others' messages after the owner's own newest one count
        List<SendRequest> batch = new ArrayList<>();
        for (String from : List.of("ben", "ann", "ben", "ben")) {
            batch.add(new SendRequest(from, ChatType.CHAT, List.of(from.equals("ben") ? "ann" : "ben"), BodyType.TXT,
                    "{\"msg\":\"b\"}", null, Origin.SDK));
        }
        List<Long> ids = ingest.sendBatch(app, batch);
        assertKnown(app, chat("ann", "ben"), 2);
        assertKnown(app, chat("ben", "ann"), 0);

        // a one-way delete of an unread message: not known until the next read, counted meanwhile
        deletions.deleteByIds(app, chat("ann", "ben"), List.of(ids.get(3)));
        assertExact(app, chat("ann", "ben"), 1);
        server.read(app, chat("ann", "ben"), ids.get(0));
        assertKnown(app, chat("ann", "ben"), 1);

        // delete by time up to now and clear-all leave nothing unread
        chats.text(app, "ben", "ann", "after");
        deletions.clearAll(app, "ann");
        assertKnown(app, chat("ann", "ben"), 0);
        chats.text(app, "ben", "ann", "again");
        assertKnown(app, chat("ann", "ben"), 1);
        server.read(app, chat("ann", "ben"), null);
        assertKnown(app, chat("ann", "ben"), 0);
    }

    @Test
    void theCounterStopsAtTheCap() {
        App app = testApps.createRoaming();
        List<SendRequest> batch = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            batch.add(new SendRequest("ben", ChatType.CHAT, List.of("ann"), BodyType.TXT, "{\"msg\":\"m\"}", null, Origin.SDK));
        }
        ingest.sendBatch(app, batch);
        chats.text(app, "ben", "ann", "one more");
        assertKnown(app, chat("ann", "ben"), ServerConversations.UNREAD_CAP);
        server.readAll(app, "ann");
        assertKnown(app, chat("ann", "ben"), 0);
    }

    @Test
    void groupsRecallsAndMembers() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "ann", List.of("ben", "cat"));
        ConversationRef ann = ConversationRef.of("ann", ChatType.GROUPCHAT, "team");
        chats.toGroup(app, "ben", "team", "hello");
        assertExact(app, ann, 1); // a member's first row may hold earlier messages: counted, not known
        server.read(app, ann, null);
        long c1 = chats.toGroup(app, "cat", "team", "one");
        chats.toGroup(app, "cat", "team", "two");
        assertKnown(app, ann, 2);
        assertKnown(app, ConversationRef.of("cat", ChatType.GROUPCHAT, "team"), 0);

        audited.recall(Actor.apiClient("test-client"), app,
                List.of(new RecallService.RecallRequest(c1, "team", ChatType.GROUPCHAT, null, false)), null, null);
        assertExact(app, ann, 1);
        server.read(app, ann, null);
        assertKnown(app, ann, 0);

        // a member who leaves and comes back counts what was said meanwhile
        server.read(app, ConversationRef.of("ben", ChatType.GROUPCHAT, "team"), null);
        groups.removeMembers(app, "team", List.of("ben"));
        chats.toGroup(app, "cat", "team", "while ben was away");
        groups.addMembers(app, "team", List.of("ben"));
        chats.toGroup(app, "cat", "team", "welcome back");
        assertExact(app, ConversationRef.of("ben", ChatType.GROUPCHAT, "team"), 2);
    }

    @Test
    void aBatchStraddlingARead() {
        // a batch took its ids, another send took one between them and committed, the owner read up to it, then
        // the batch commits: only its message after the read is unread, so the counter cannot add both
        App app = testApps.createRoaming();
        chats.text(app, "ben", "ann", "first");
        long before = ids.nextId();
        long between = ids.nextId();
        long after = ids.nextId();
        arrive(app, List.of(between), between, 1, between);
        server.read(app, chat("ann", "ben"), between);
        arrive(app, List.of(before, after), after, 2, before);
        assertExact(app, chat("ann", "ben"), 1);
    }

    /** What the send path writes for ben's messages to ann with these ids, in one transaction. */
    private void arrive(App app, List<Long> msgIds, long newest, int others, long firstOther) {
        String convKey = ConvKeys.single("ben", "ann");
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            messageRows.insertMessages(app.appId(), msgIds.stream().map(id -> new StoredMessage(id, convKey, "ben", "ann",
                    ChatType.CHAT, BodyType.TXT, "{\"msg\":\"m\"}", null, Origin.SDK,
                    io.roamdesk.core.Snowflake.timestampOf(id))).toList());
            conversationUpdates.touchMany(app.appId(), List.of(
                    new ConversationUpdateRepository.Arrival(chat("ann", "ben"), newest, Origin.SDK, 0L, others, firstOther),
                    new ConversationUpdateRepository.Arrival(chat("ben", "ann"), newest, Origin.SDK, newest, 0, 0L)));
        });
    }

    /** The list's count is the bounded count of the messages, and the stored counter, when known, the same. */
    private void assertExact(App app, ConversationRef ref, int expected) {
        ConversationRecord row = prefs.one(app.appId(), ref).orElseThrow();
        int counted = unread.unread(app.appId(), ref.owner(), List.of(UnreadRepository.Probe.of(row)),
                ServerConversations.UNREAD_CAP).get(0);
        assertThat(counted).as("the bounded count of " + ref).isEqualTo(expected);
        if (row.getUnreadNum() != null) {
            assertThat(row.getUnreadNum()).as("the stored counter of " + ref).isEqualTo(expected);
        }
        // a conversation cleared to its newest message is not listed at all
        server.list(app, ref.owner(), null, 50, false, null).entries().stream()
                .filter(e -> e.conversation().convId().equals(ref.convId())).findFirst()
                .ifPresent(entry -> assertThat(entry.unread()).as("the listed count of " + ref).isEqualTo(expected));
    }

    /** As {@link #assertExact}, and the counter is known (the list reads it instead of counting). */
    private void assertKnown(App app, ConversationRef ref, int expected) {
        assertThat(prefs.one(app.appId(), ref).orElseThrow().getUnreadNum()).as("the stored counter of " + ref).isNotNull();
        assertExact(app, ref, expected);
    }
}
