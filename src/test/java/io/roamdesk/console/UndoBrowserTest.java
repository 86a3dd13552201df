package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.Snowflake;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ForAllDeletion;
import io.roamdesk.roaming.GraceService;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.OneWayDeletion;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Undo of one-way deletions (from the notification, from the user's list) and restore of a delete-for-all. */
class UndoBrowserTest extends BrowserTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    AuditedActions audited;
    @Autowired
    GraceService grace;

    private static String key(App app) {
        return URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8);
    }

    private int visible(App app, String owner, String peer) {
        return history.fetch(app, HistoryRequest.newest(owner, ChatType.CHAT, peer, 50)).messages().size();
    }

    private void talk(App app, int n) {
        for (int i = 0; i < n; i++) {
            chats.text(app, i % 2 == 0 ? "ud-a" : "ud-b", i % 2 == 0 ? "ud-b" : "ud-a", "message " + i);
        }
    }

    private void giveReason(String reason) {
        page.locator("#reason-text textarea").fill(reason);
        page.locator("#reason-confirm").click();
    }

    @Test
    void supportUndoesAOneWayDeleteFromItsNotification() {
        App app = testApps.createRoaming();
        talk(app, 5);
        login("support", "support-demo");
        page.navigate(url("/history?app=" + key(app) + "&user=ud-a&type=chat&conv=ud-b"));
        Locator boxes = page.locator("#messages-grid vaadin-checkbox");
        boxes.nth(1).click();
        boxes.nth(2).click();
        page.locator("#delete-selected").click();
        page.locator("#deletion-reason textarea").fill("TICKET-301 remove two messages");
        page.locator("#deletion-confirm").click();
        assertThat(page.locator("#undo-notification-button")).isVisible();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("can be undone for 30 min");
        screenshot("flow-undo-notification");
        assertThat(visible(app, "ud-a", "ud-b")).isEqualTo(3);

        page.locator("#undo-notification-button").click();
        assertThat(page.locator("#reason-preview")).containsText("become visible to ud-a again");
        page.locator("#reason-text textarea").fill("TICKET-301 wrong messages");
        screenshot("flow-undo-reason");
        page.locator("#reason-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Deletion undone");
        assertThat(visible(app, "ud-a", "ud-b")).isEqualTo(5);
        assertThat(visible(app, "ud-b", "ud-a")).isEqualTo(5);
    }

    @Test
    void supportUndoesADeleteBeforeFromTheUsersRecentDeletions() {
        App app = testApps.createRoaming();
        talk(app, 4);
        long last = history.fetch(app, HistoryRequest.newest("ud-a", ChatType.CHAT, "ud-b", 1)).messages().get(0).msgId();
        OneWayDeletion d = audited.oneWayBefore(new Actor("support", "SUPPORT"), app, ConversationRef.of("ud-a", ChatType.CHAT,
                "ud-b"), Snowflake.timestampOf(last), "TICKET-302 clear the chat");
        assertThat(visible(app, "ud-a", "ud-b")).isZero();
        login("support", "support-demo");
        page.navigate(url("/users?app=" + key(app) + "&user=ud-a"));
        Locator grid = page.locator("#recent-deletions-grid");
        assertThat(grid).containsText("TICKET-302 clear the chat");
        assertThat(grid).containsText("min left");
        screenshot("flow-undo-recent-deletions");

        page.locator("#undo-" + d.deletionId()).click();
        giveReason("TICKET-302 the user still needs them");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Deletion undone");
        assertThat(grid).containsText("Undone by support");
        assertThat(page.locator("#undo-" + d.deletionId())).isDisabled();
        assertThat(page.locator("#conversations-grid")).containsText("ud-b");
        screenshot("flow-undo-recent-deletions-done");
        assertThat(visible(app, "ud-a", "ud-b")).isEqualTo(4);
    }

    @Test
    void anAdminRestoresADeleteForAllWithinItsGracePeriod() {
        App app = testApps.createRoaming();
        talk(app, 6);
        audited.deleteConversation(new Actor("admin", "APP_ADMIN"), app, ConversationRef.of("ud-a", ChatType.CHAT, "ud-b"),
                true, "TICKET-303 delete for both", n -> { });
        assertThat(visible(app, "ud-b", "ud-a")).isZero();
        ForAllDeletion d = grace.ofOwner(app, "ud-a", 1).get(0);
        login("admin", "admin-demo");
        page.navigate(url("/users?app=" + key(app) + "&user=ud-a"));
        Locator grid = page.locator("#for-all-deletions-grid");
        assertThat(grid).containsText("Restorable until");
        screenshot("flow-restore-for-all-list");

        page.locator("#restore-" + d.deletionId()).click();
        assertThat(page.locator("#reason-preview")).containsText("every participant");
        giveReason("TICKET-303 deleted the wrong conversation");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("6 messages restored for everyone");
        assertThat(grid).containsText("Restored by admin");
        screenshot("flow-restore-for-all-done");
        assertThat(visible(app, "ud-a", "ud-b")).isEqualTo(6);
        assertThat(visible(app, "ud-b", "ud-a")).isEqualTo(6);
    }
}
