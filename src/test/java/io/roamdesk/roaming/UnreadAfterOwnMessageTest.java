package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Unread counts start after the owner's own newest message, which the send's upsert keeps on the
 * owner's row: also when a batch brings the owner's message and newer ones of others to the same
 * row, and for a group message's fan-out, where only the sender's row takes it as its own.
 */
@IntegrationTest
class UnreadAfterOwnMessageTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    IngestService ingest;
    @Autowired
    GroupService groups;
    @Autowired
    ServerConversations server;

    private static SendRequest text(String from, ChatType type, String to, String text) {
        return new SendRequest(from, type, List.of(to), BodyType.TXT, "{\"msg\":\"" + text + "\"}", null, Origin.SDK);
    }

    private int unread(App app, String owner, String convId) {
        return server.list(app, owner, null, 50, false, null).entries().stream()
                .filter(e -> e.conversation().convId().equals(convId)).findFirst().orElseThrow().unread();
    }

    @Test
    void aBatchWithTheOwnersAnswerAndNewerMessagesCountsOnlyTheNewerOnes() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 3; i++) {
            chats.text(app, "bob", "alice", "b" + i);
        }
        assertThat(unread(app, "alice", "bob")).isEqualTo(3);
        // alice's answer is not the newest message of her row in this batch: bob's two after it are
        ingest.sendBatch(app, List.of(text("alice", ChatType.CHAT, "bob", "ok"), text("bob", ChatType.CHAT, "alice", "a1"),
                text("bob", ChatType.CHAT, "alice", "a2")));
        assertThat(unread(app, "alice", "bob")).isEqualTo(2);
        assertThat(unread(app, "bob", "alice")).isZero();
        // a later batch of bob's alone keeps alice's answer as her read point
        ingest.sendBatch(app, List.of(text("bob", ChatType.CHAT, "alice", "a3")));
        assertThat(unread(app, "alice", "bob")).isEqualTo(3);
    }

    @Test
    void aGroupMessageIsTheSendersOwnAndUnreadForTheOtherMembers() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "crew", "Crew", "carol", List.of("alice", "bob", "carol"));
        chats.toGroup(app, "bob", "crew", "first");
        chats.toGroup(app, "carol", "crew", "second");
        ingest.sendBatch(app, List.of(text("alice", ChatType.GROUPCHAT, "crew", "mine"),
                text("bob", ChatType.GROUPCHAT, "crew", "after alice")));
        assertThat(unread(app, "alice", "crew")).isEqualTo(1);
        assertThat(unread(app, "bob", "crew")).isZero();
        assertThat(unread(app, "carol", "crew")).isEqualTo(2);
    }
}
