package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ServerConversations;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** User lookup shows each conversation's pin, marks and unread count as the user set them, and filters by a mark. */
class PinsMarksBrowserTest extends BrowserTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    ServerConversations server;

    @Test
    void supportSeesPinsMarksAndUnreadCountsAndFiltersByMark() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 3; i++) {
            chats.text(app, "bob", "alice", "bob " + i);
        }
        for (int i = 0; i < 120; i++) {
            chats.text(app, "carol", "alice", "carol " + i);
        }
        chats.text(app, "dave", "alice", "dave");
        chats.text(app, "alice", "dave", "answered");
        server.pin(app, ConversationRef.of("alice", ChatType.CHAT, "bob"), true);
        server.mark(app, "alice", List.of(ConversationRef.of("alice", ChatType.CHAT, "bob"),
                ConversationRef.of("alice", ChatType.CHAT, "dave")), 2, true);
        server.mark(app, "alice", List.of(ConversationRef.of("alice", ChatType.CHAT, "bob")), 7, true);
        login("support", "support-demo");

        page.navigate(url("/users?app=" + URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8) + "&user=alice"));
        assertThat(page.locator("[data-unread=bob]")).hasText("3");
        assertThat(page.locator("[data-unread=carol]")).hasText("99+");
        assertThat(page.locator("[data-unread=dave]")).hasText("0");
        assertThat(page.locator("[data-marks=bob]")).hasText("MARK_2, MARK_7");
        assertThat(page.locator("[data-marks=carol]")).hasText("");
        assertThat(page.locator("[data-pinned=bob]")).hasText("Pinned");
        assertThat(page.locator("[data-pinned=carol]")).hasText("");
        screenshot("flow-lookup-pins-marks-unread");

        page.locator("#mark-filter").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("MARK_2")).first().click();
        // :visible — the grid keeps the cells of rows it no longer shows (hidden) with their old content
        assertThat(page.locator("[data-marks=dave]:visible")).hasText("MARK_2");
        assertThat(page.locator("[data-marks=bob]:visible")).isVisible();
        assertThat(page.locator("[data-marks=carol]:visible")).hasCount(0);
        screenshot("flow-lookup-filter-by-mark");

        // alice reads bob's conversation on her phone; the agent opens the lookup again
        server.read(app, ConversationRef.of("alice", ChatType.CHAT, "bob"), null);
        page.navigate(url("/users?app=" + URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8) + "&user=alice"));
        assertThat(page.locator("[data-unread=bob]")).hasText("0");
        assertThat(page.locator("[data-unread=carol]")).hasText("99+");
        assertThat(page.locator("[data-marks=bob]")).hasText("MARK_2, MARK_7");
    }
}
