package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.MessageEntry;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history view's recall of one message for everyone: APP_ADMIN only, preview, reason, confirmation. */
class RecallBrowserTest extends BrowserTest {

    @Autowired
    AppService apps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    HistoryService history;
    @Autowired
    DSLContext db;

    private Locator rows() {
        return page.locator("#messages-grid vaadin-grid-cell-content");
    }

    private List<String> texts(App app, String owner) {
        return history.fetch(app, HistoryRequest.newest(owner, ChatType.GROUPCHAT, "rc-team", 50)).messages().stream()
                .map(MessageEntry::body).toList();
    }

    @Autowired
    io.roamdesk.support.TestApps testApps;

    @Test
    void anAdminChangesTheRecallWindowWithAReason() {
        App app = testApps.createRoaming();
        login("admin", "admin-demo");
        page.navigate(url("/apps"));
        page.locator("#change-" + app.key().app()).click();
        page.locator("#setting-select").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Recall window (s)")).click();
        page.locator("#setting-number input").fill("300");
        page.locator("#setting-reason textarea").fill("TICKET-707 customer wants five minutes");
        assertThat(page.locator("#setting-change")).containsText("Recall window (s): 120 → 300");
        screenshot("flow-recall-window-dialog");
        page.locator("#setting-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Recall window");
        assertThat(apps.byId(app.appId()).orElseThrow().settings().recallWindowSeconds()).isEqualTo(300);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SETTING_CHANGE").and(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.TARGET.eq("RECALL_WINDOW")))).isEqualTo(1);
    }

    @Test
    void anAdminRecallsOneGroupMessageForEveryMemberAndSupportHasNoRecall() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "rc-team", "Recall team", "rc-a", List.of("rc-b", "rc-c"));
        chats.toGroup(app, "rc-b", "rc-team", "good morning");
        chats.toGroup(app, "rc-a", "rc-team", "oops, wrong group");
        String historyUrl = url("/history?app=" + java.net.URLEncoder.encode(app.key().toString(),
                java.nio.charset.StandardCharsets.UTF_8) + "&user=rc-c&type=groupchat&conv=rc-team");

        login("admin", "admin-demo");
        page.navigate(historyUrl);
        page.locator("#reveal-button").click();
        page.locator("#reveal-reason textarea").fill("TICKET-606 rc-a asked to take a message back");
        page.locator("#reveal-confirm").click();
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("oops, wrong group"))).hasCount(1);
        // nothing selected: told to pick one
        page.locator("#recall-message").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("exactly one message");
        page.locator("#messages-grid vaadin-checkbox").nth(1).click();
        page.locator("#recall-message").click();
        assertThat(page.locator("#deletion-preview")).containsText(
                "The message from rc-a sent");
        assertThat(page.locator("#deletion-preview")).containsText("history of all 3 participants");
        assertThat(page.locator("#deletion-preview")).containsText("Participants: rc-a, rc-b, rc-c");
        assertThat(page.locator("#deletion-preview")).containsText("within the app's recall window of 2 min 0 s");
        assertThat(page.locator("#deletion-preview.danger-zone")).hasCount(1);
        assertThat(page.locator("#deletion-confirm")).hasText("Recall for everyone");
        page.locator("#deletion-reason textarea").fill("TICKET-606 sent to the wrong group");
        assertThat(page.locator("#deletion-confirm")).isDisabled();
        page.locator("#deletion-understood").click();
        screenshot("flow-recall-preview");
        page.locator("#deletion-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Message recalled");
        // the grid keeps a hidden row element with stale content when it shrinks: count what is shown
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("oops, wrong group").setVisible(true))).hasCount(0);
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("good morning").setVisible(true))).hasCount(1);
        screenshot("flow-recall-done");
        for (String member : List.of("rc-a", "rc-b", "rc-c")) {
            assertThat(texts(app, member)).as(member).singleElement().asString().contains("good morning");
        }
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("RECALL").and(AUDIT_EVENT.ACTOR.eq("admin"))
                .and(AUDIT_EVENT.REASON.eq("TICKET-606 sent to the wrong group")))).isEqualTo(1);

        // the support desk sees the same history without a recall button
        page.context().clearCookies();
        login("support", "support-demo");
        page.navigate(historyUrl);
        assertThat(page.locator("#delete-conversation")).isVisible();
        assertThat(page.locator("#recall-message")).hasCount(0);
        screenshot("flow-recall-support-has-none");
    }
}
