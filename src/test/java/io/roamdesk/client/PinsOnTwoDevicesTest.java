package io.roamdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import io.roamdesk.users.EndUsers;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The client's cursor list, pins, marks and read calls: what one of alice's devices sets, the other sees. */
@IntegrationTest
class PinsOnTwoDevicesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestApps testApps;
    @Autowired
    EndUsers users;
    @Autowired
    Chats chats;

    private RoamdeskClient signIn(App app) {
        return RoamdeskClient.signIn(URI.create("http://localhost:" + port), app.key().org() + "#" + app.key().app(),
                "alice", "alice-pw");
    }

    private static ServerConversation entry(RoamdeskClient device, String conv) {
        return device.getConversationsFromServerWithCursor("", 50).getData().stream()
                .filter(c -> c.conversation().conversationId().equals(conv)).findFirst().orElseThrow();
    }

    @Test
    void pinsMarksAndReadPointsSetOnOneDeviceShowOnTheOther() {
        App app = testApps.createRoaming();
        users.register(app, List.of(new EndUsers.NewUser("alice", "alice-pw")));
        for (String peer : List.of("bob", "carol", "dave")) {
            chats.text(app, peer, "alice", "hi from " + peer);
            chats.text(app, peer, "alice", "again");
        }
        RoamdeskClient phone = signIn(app);
        RoamdeskClient laptop = signIn(app);

        CursorResult<ServerConversation> first = laptop.getConversationsFromServerWithCursor("", 2);
        assertThat(first.getData()).extracting(c -> c.conversation().conversationId()).containsExactly("dave", "carol");
        assertThat(laptop.getConversationsFromServerWithCursor(first.getCursor(), 2).getData())
                .extracting(c -> c.conversation().conversationId()).containsExactly("bob");
        assertThat(first.getData()).allSatisfy(c -> assertThat(c.unreadCount()).isEqualTo(2));

        phone.pinConversation("bob", ConversationType.CHAT, true);
        phone.addConversationMark(List.of("bob", "carol"), ConversationType.CHAT, "MARK_5");
        assertThat(phone.markConversationAsRead("carol", ConversationType.CHAT)).isZero();

        assertThat(laptop.fetchPinnedConversationsFromServer("", 50).getData())
                .extracting(c -> c.conversation().conversationId()).containsExactly("bob");
        assertThat(entry(laptop, "bob").pinned()).isTrue();
        assertThat(entry(laptop, "bob").pinnedTime()).isPositive();
        assertThat(entry(laptop, "bob").marks()).containsExactly("MARK_5");
        assertThat(entry(laptop, "carol").unreadCount()).isZero();
        assertThat(entry(laptop, "dave").unreadCount()).isEqualTo(2);
        assertThat(laptop.fetchConversationsFromServerByMark("MARK_5", "", 20).getData())
                .extracting(c -> c.conversation().conversationId()).containsExactly("carol", "bob");

        laptop.removeConversationMark(List.of("carol"), ConversationType.CHAT, "MARK_5");
        laptop.pinConversation("bob", ConversationType.CHAT, false);
        laptop.markAllConversationsAsRead();
        assertThat(phone.fetchConversationsFromServerByMark("MARK_5", "", 20).getData())
                .extracting(c -> c.conversation().conversationId()).containsExactly("bob");
        assertThat(phone.fetchPinnedConversationsFromServer("", 50).getData()).isEmpty();
        assertThat(phone.getConversationsFromServerWithCursor("", 50).getData()).allSatisfy(c -> assertThat(c.unreadCount()).isZero());
        assertThatThrownBy(() -> phone.addConversationMark(List.of("bob"), ConversationType.CHAT, "MARK_20"))
                .isInstanceOfSatisfying(RoamdeskClientException.class, e -> assertThat(e.getMessage()).contains("mark must be one of"));
    }
}
