package io.roamdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
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

/** The client library's search: every hit once, newest first, by following the cursor. */
@IntegrationTest
class SearchClientTest {

    @LocalServerPort
    int port;
    @Autowired
    TestApps testApps;
    @Autowired
    EndUsers users;
    @Autowired
    Chats chats;

    @Test
    void aDeviceSearchesItsConversationPageByPage() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true));
        users.register(app, List.of(new EndUsers.NewUser("alice", "alice-pw")));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(0, Long.toString(chats.text(app, "bob", "alice", "周末 hiking " + i)));
            chats.text(app, "alice", "bob", "ok " + i);
        }
        RoamdeskClient alice = RoamdeskClient.signIn(URI.create("http://localhost:" + port),
                app.key().org() + "#" + app.key().app(), "alice", "alice-pw");
        List<String> found = new ArrayList<>();
        String cursor = "";
        do {
            CursorResult<Message> page = alice.searchMessagesFromServer("bob", ConversationType.CHAT, "周末 HIKING", cursor, 2);
            page.getData().forEach(m -> found.add(m.msgId()));
            cursor = page.getCursor();
        } while (!cursor.isEmpty());
        assertThat(found).isEqualTo(expected);
        assertThatThrownBy(() -> alice.searchMessagesFromServer("bob", ConversationType.CHAT, "", null, 2))
                .isInstanceOfSatisfying(RoamdeskClientException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
