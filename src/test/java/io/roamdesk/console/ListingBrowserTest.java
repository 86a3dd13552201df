package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.roamdesk.app.App;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** User lookup says why a conversation is not in the client's list; a deletion preview says which will leave it. */
class ListingBrowserTest extends BrowserTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    DeletionService deletions;
    @Autowired
    ConversationService conversations;

    private static String key(App app) {
        return URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8);
    }

    private Locator row(String text) {
        return page.locator("#conversations-grid vaadin-grid-cell-content",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText(text));
    }

    @Test
    void theLookupWithHiddenConversationsShownSaysWhyEachIsNotInTheClientsList() {
        App app = testApps.createRoaming();
        chats.text(app, "alice", "bob", "from the phone");
        chats.send(app, "bob", ChatType.CHAT, "alice", "sent by the backend", Origin.REST);
        chats.text(app, "alice", "carol", "hi carol");
        deletions.deleteConversation(app, ConversationRef.of("alice", ChatType.CHAT, "carol"), false, n -> { });
        chats.text(app, "alice", "dave", "hi dave");
        login("support", "support-demo");

        page.navigate(url("/users"));
        assertThat(page.locator("#conversations-grid")).containsText("Pick an app and a user first");
        assertThat(page.locator("#conversations-grid")).not().containsText("No conversations on the server");

        page.navigate(url("/users?app=" + key(app) + "&user=alice"));
        assertThat(row("dave").first()).isVisible();
        assertThat(row("bob")).hasCount(0);
        page.locator("#show-hidden").click();
        assertThat(page.locator("[data-listing=REST_LATEST]")).hasText("Not listed: REST-sent newest");
        assertThat(page.locator("[data-listing=REST_LATEST]")).hasAttribute("title",
                "The newest message this user sees was sent through the REST API, and this app keeps those out of the list.");
        assertThat(page.locator("[data-listing=DELETED]")).hasText("Not listed: deleted");
        assertThat(page.locator("[data-listing=LISTED]")).hasCount(1);
        assertThat(conversations.cursorPage(app, "alice", null, 20).conversations())
                .extracting(ConversationEntry::convId).containsExactly("dave");
        screenshot("flow-lookup-hidden-reasons");
    }

    @Test
    void deletingTheNewestMessagesPreviewsThatTheConversationLeavesTheListAndWhy() {
        App app = testApps.createRoaming();
        chats.send(app, "bob", ChatType.CHAT, "alice", "order shipped", Origin.REST);
        chats.text(app, "alice", "bob", "thanks");
        login("support", "support-demo");
        page.navigate(url("/history?app=" + key(app) + "&user=alice&type=chat&conv=bob"));
        assertThat(page.locator("#messages-grid")).containsText("[txt]");
        page.locator("#messages-grid vaadin-checkbox").nth(1).click();
        page.locator("#delete-selected").click();
        Locator preview = page.locator("#deletion-preview");
        assertThat(preview).containsText("1 messages will disappear for alice");
        assertThat(preview).containsText("bob leaves the list of alice: the newest message left was sent through the REST API");
        page.locator("#deletion-reason textarea").fill("TICKET-808 user asked");
        screenshot("flow-deletion-preview-consequence");
        page.locator("#deletion-confirm").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("Deleted");
        assertThat(conversations.cursorPage(app, "alice", null, 20).conversations()).isEmpty();
    }
}
