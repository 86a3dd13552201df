package io.roamdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import io.roamdesk.users.EndUsers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The client library end to end: two devices of alice and one of bob on the running app. */
@IntegrationTest
class TwoDevicesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestApps testApps;
    @Autowired
    EndUsers users;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;

    private RoamdeskClient signIn(App app, String user, String password) {
        return RoamdeskClient.signIn(URI.create("http://localhost:" + port), app.key().org() + "#" + app.key().app(),
                user, password);
    }

    /** Every message id of a conversation, walking the cursor like the seed does. */
    private static List<String> history(RoamdeskClient device, String conv, ConversationType type, int pageSize,
            SearchDirection direction) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            CursorResult<Message> page = device.fetchHistoryMessagesFromServer(conv, type, cursor, pageSize, direction);
            page.getData().forEach(m -> ids.add(m.msgId()));
            cursor = page.getCursor();
        } while (!cursor.isEmpty());
        return ids;
    }

    private static List<String> list(RoamdeskClient device) {
        return device.getConversationsFromServerWithPage(1, 20).stream().map(Conversation::conversationId).toList();
    }

    @Test
    void bothDevicesOfAliceSeeTheSameAndOneWayDeletesStayHers() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true));
        users.register(app, List.of(new EndUsers.NewUser("alice", "alice-pw"), new EndUsers.NewUser("bob", "bob-pw"),
                new EndUsers.NewUser("carol", "carol-pw")));
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(i % 2 == 0 ? chats.text(app, "alice", "bob", "a" + i) : chats.text(app, "bob", "alice", "b" + i));
        }
        long groupMsg = chats.toGroup(app, "carol", "team", "hello team");
        RoamdeskClient deviceA = signIn(app, "alice", "alice-pw");
        RoamdeskClient deviceB = signIn(app, "alice", "alice-pw");
        RoamdeskClient bob = signIn(app, "bob", "bob-pw");

        // the same list and the same history on both devices
        assertThat(list(deviceA)).containsExactly("team", "bob").isEqualTo(list(deviceB));
        assertThat(deviceA.getConversationsFromServer()).isEqualTo(deviceB.getConversationsFromServer());
        Conversation top = deviceA.getConversationsFromServerWithPage(1, 20).get(0);
        assertThat(top.type()).isEqualTo(ConversationType.GROUP_CHAT);
        assertThat(top.latestMessage().msgId()).isEqualTo(Long.toString(groupMsg));
        assertThat(top.latestMessage().body().path("msg").asText()).isEqualTo("hello team");
        List<String> newestFirst = new ArrayList<>(sent.stream().map(String::valueOf).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(history(deviceA, "bob", ConversationType.CHAT, 3, SearchDirection.UP)).isEqualTo(newestFirst);
        assertThat(history(deviceB, "bob", ConversationType.CHAT, 2, SearchDirection.UP)).isEqualTo(newestFirst);
        assertThat(history(deviceB, "bob", ConversationType.CHAT, 4, SearchDirection.DOWN))
                .isEqualTo(sent.stream().map(String::valueOf).toList());
        // a message id as startId: the seed's "after this message"
        assertThat(deviceA.fetchHistoryMessagesFromServer("bob", ConversationType.CHAT, newestFirst.get(1), 2).getData())
                .extracting(Message::msgId).containsExactly(newestFirst.get(2), newestFirst.get(3));

        // a one-way delete on device A: gone on device B, still there for bob
        deviceA.removeMessagesFromServer("bob", ConversationType.CHAT, List.of(newestFirst.get(0), newestFirst.get(2)));
        List<String> hidden = List.of(newestFirst.get(0), newestFirst.get(2));
        assertThat(history(deviceB, "bob", ConversationType.CHAT, 3, SearchDirection.UP)).doesNotContainAnyElementsOf(hidden)
                .hasSize(5);
        assertThat(history(bob, "alice", ConversationType.CHAT, 3, SearchDirection.UP)).isEqualTo(newestFirst);
        // by time, in the group
        deviceB.removeMessagesFromServer("team", ConversationType.GROUP_CHAT, System.currentTimeMillis());
        assertThat(history(deviceA, "team", ConversationType.GROUP_CHAT, 5, SearchDirection.UP)).isEmpty();
        assertThat(history(bob, "team", ConversationType.GROUP_CHAT, 5, SearchDirection.UP))
                .containsExactly(Long.toString(groupMsg));

        // deleting the conversation on device B: gone from device A's list, bob keeps his
        deviceB.deleteConversationFromServer("bob", ConversationType.CHAT, false);
        assertThat(list(deviceA)).doesNotContain("bob");
        assertThat(list(bob)).contains("alice");
        assertThat(history(bob, "alice", ConversationType.CHAT, 10, SearchDirection.UP)).isEqualTo(newestFirst);
    }

    @Test
    void aRecallOnOneDeviceIsGoneForEveryone() {
        App app = testApps.createRoaming();
        users.register(app, List.of(new EndUsers.NewUser("alice", "alice-pw"), new EndUsers.NewUser("bob", "bob-pw")));
        groups.createGroup(app, "team", "Team", "alice", List.of("bob"));
        long first = chats.text(app, "bob", "alice", "hi alice");
        long oops = chats.text(app, "alice", "bob", "sent to the wrong person");
        long groupFirst = chats.toGroup(app, "bob", "team", "morning");
        long groupOops = chats.toGroup(app, "alice", "team", "oops");
        RoamdeskClient deviceA = signIn(app, "alice", "alice-pw");
        RoamdeskClient deviceB = signIn(app, "alice", "alice-pw");
        RoamdeskClient bob = signIn(app, "bob", "bob-pw");

        deviceA.recallMessage(Long.toString(oops), "bob", ConversationType.CHAT);
        deviceB.recallMessage(Long.toString(groupOops), "team", ConversationType.GROUP_CHAT);

        for (RoamdeskClient device : List.of(deviceA, deviceB)) {
            assertThat(history(device, "bob", ConversationType.CHAT, 5, SearchDirection.UP)).containsExactly(Long.toString(first));
            assertThat(history(device, "team", ConversationType.GROUP_CHAT, 5, SearchDirection.UP))
                    .containsExactly(Long.toString(groupFirst));
        }
        assertThat(history(bob, "alice", ConversationType.CHAT, 5, SearchDirection.UP)).containsExactly(Long.toString(first));
        assertThat(history(bob, "team", ConversationType.GROUP_CHAT, 5, SearchDirection.UP))
                .containsExactly(Long.toString(groupFirst));
        // every list shows the message before the recalled one
        for (RoamdeskClient device : List.of(deviceA, deviceB, bob)) {
            var latest = device.getConversationsFromServerWithPage(1, 20).stream()
                    .map(c -> c.latestMessage().msgId()).toList();
            assertThat(latest).containsExactlyInAnyOrder(Long.toString(first), Long.toString(groupFirst));
        }
        // recalling again is not an error; bob cannot recall what alice sent
        deviceB.recallMessage(Long.toString(oops), "bob", ConversationType.CHAT);
        long kept = chats.text(app, "alice", "bob", "mine to recall, not bob's");
        assertThatThrownBy(() -> bob.recallMessage(Long.toString(kept), "alice", ConversationType.CHAT))
                .isInstanceOfSatisfying(RoamdeskClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.error()).isEqualTo("forbidden_op");
                });
        assertThat(history(deviceA, "bob", ConversationType.CHAT, 5, SearchDirection.UP))
                .containsExactly(Long.toString(kept), Long.toString(first));
    }

    @Test
    void refusalsCarryTheServersErrorCode() {
        App app = testApps.createRoaming();
        users.register(app, List.of(new EndUsers.NewUser("alice", "alice-pw")));
        assertThatThrownBy(() -> signIn(app, "alice", "wrong")).isInstanceOfSatisfying(RoamdeskClientException.class,
                e -> assertThat(e.error()).isEqualTo("invalid_grant"));
        RoamdeskClient alice = signIn(app, "alice", "alice-pw");
        assertThatThrownBy(() -> alice.fetchHistoryMessagesFromServer("bob", ConversationType.CHAT, "", 51))
                .isInstanceOfSatisfying(RoamdeskClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("illegal_argument");
                });
        RoamdeskClient stranger = RoamdeskClient.withToken(URI.create("http://localhost:" + port),
                app.key().org() + "#" + app.key().app(), "alice", "YWMunot-a-token");
        assertThatThrownBy(stranger::getConversationsFromServer).isInstanceOfSatisfying(RoamdeskClientException.class,
                e -> assertThat(e.error()).isEqualTo("unauthorized"));
    }
}
