package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.roamdesk.app.App;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.support.Api;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console flows of the support desk and the app administrators. Flows that change data run on
 * apps of their own; only reading flows look at the demo data, which no test changes.
 */
class ConsoleFlowsBrowserTest extends BrowserTest {

    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    ConversationService conversations;
    @Autowired
    Api api;
    @Autowired
    TestApps testApps;

    private String historyUrl(String user, String conv) {
        return url("/history?app=demo%23roaming&user=" + user + "&type=chat&conv=" + conv);
    }

    private String historyUrl(App app, String user, String conv) {
        return url("/history?app=" + key(app) + "&user=" + user + "&type=chat&conv=" + conv);
    }

    private static String key(App app) {
        return java.net.URLEncoder.encode(app.key().toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The time cell of the first message row shown. */
    private Locator firstTime() {
        return rows("messages-grid").filter(new Locator.FilterOptions().setHasText(
                java.util.regex.Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$"))).first();
    }

    private void reveal(String reason) {
        page.locator("#reveal-button").click();
        page.locator("#reveal-reason textarea").fill(reason);
        page.locator("#reveal-confirm").click();
        assertThat(page.locator("#reveal-status")).containsText("revealed until");
    }

    /** The vertical middle of an element's own text (or of the element, when it has none), in pixels. */
    private double middle(String selector) {
        return ((Number) page.locator(selector).first().evaluate("e => { const r = document.createRange();"
                + " r.selectNodeContents(e); const t = r.getBoundingClientRect();"
                + " const b = t.height > 0 ? t : e.getBoundingClientRect(); return b.top + b.height / 2; }")).doubleValue();
    }

    private Locator rows(String gridId) {
        return page.locator("#" + gridId + " vaadin-grid-cell-content");
    }

    @Test
    void anAdminSwitchesRoamingOffTheApiRefusesAndTheSwitchGoesBackOn() {
        App app = testApps.createRoaming();
        String name = app.key().app();
        login("admin", "admin-demo");
        page.navigate(url("/apps"));
        page.locator("#change-" + name).click();
        page.locator("#setting-reason textarea").fill("TICKET-101 customer cancelled roaming");
        assertThat(page.locator("#setting-change")).containsText("On → Off");
        screenshot("flow-apps-switch-dialog");
        page.locator("#setting-confirm").click();
        assertThat(page.locator("#roaming-" + name)).hasText("Off");
        var refused = api.get(io.roamdesk.support.Api.base(app) + "/users/alice/user_channels/page", api.token(app));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("error_description").asText()).isEqualTo("this appKey not open message roaming");

        page.locator("#change-" + name).click();
        page.locator("#setting-reason textarea").fill("TICKET-101 switched back");
        page.locator("#setting-confirm").click();
        assertThat(page.locator("#roaming-" + name)).hasText("On");
        // the changed app stays selected (a click on its row would deselect it): its history is shown
        assertThat(page.locator("#setting-history")).containsText("TICKET-101 customer cancelled roaming");
        assertThat(page.locator("#setting-history")).containsText("TICKET-101 switched back");
        // the history uses the dialog's words for a switch, not the stored false/true
        assertThat(page.locator("#setting-history")).containsText("Off → On");
        assertThat(page.locator("#setting-history")).not().containsText("false");
        @SuppressWarnings("unchecked")
        var cut = (java.util.List<Object>) page.evaluate("() => [...document.querySelectorAll('#apps-grid vaadin-grid-sort,"
                + " #apps-grid vaadin-grid-cell-content')].filter(c => c.scrollWidth > c.clientWidth + 1 && c.textContent.trim())"
                + ".map(c => c.textContent)");
        assertThat(cut).as("apps grid cells cut short").isEmpty();
        screenshot("flow-apps-switch-history");
    }

    @Test
    void supportLooksUpAUserPagesConversationsAndHistoryBothWaysAndJumpsToADate() {
        login("support", "support-demo");
        page.navigate(url("/users?app=demo%23roaming&user=alice"));
        assertThat(page.locator("#page-label")).hasText("Page 1");
        assertThat(rows("conversations-grid").filter(new Locator.FilterOptions().setHasText("bob")).first()).isVisible();
        assertThat(middle("#page-label")).as("\"Page 1\" in line with the paging buttons")
                .isCloseTo(middle("#next-page"), org.assertj.core.data.Offset.offset(2.0));
        screenshot("flow-lookup-page1");
        page.locator("#next-page").click();
        assertThat(page.locator("#page-label")).hasText("Page 2");
        screenshot("flow-lookup-page2");
        page.locator("#previous-page").click();
        assertThat(page.locator("#page-label")).hasText("Page 1");
        rows("conversations-grid").filter(new Locator.FilterOptions().setHasText("bob")).first().click();
        page.waitForURL(u -> u.contains("/history") && u.contains("conv=bob"));
        assertThat(page.locator("#history-title")).containsText("alice ↔ bob");
        assertThat(firstTime()).isVisible();
        String newestFirstRow = firstTime().textContent();
        page.locator("#older-page").click();
        page.locator("#older-page").click();
        assertThat(firstTime()).not().hasText(newestFirstRow);
        screenshot("flow-history-older");
        page.locator("#newer-page").click();
        page.locator("#newer-page").click();
        assertThat(firstTime()).hasText(newestFirstRow);
        firstTime().click();
        assertThat(page.locator("#message-json")).containsText("\"msg_id\"");
        for (int width = 900; width <= 1440; width += 20) {
            page.setViewportSize(width, 900);
            assertThat(middle("#jump-go")).as("Go on the line of its date field at " + width + " px")
                    .isCloseTo(middle("#jump-date input"), org.assertj.core.data.Offset.offset(12.0));
        }
        page.setViewportSize(1400, 900);
        LocalDate day = LocalDate.now().minusDays(60);
        page.locator("#jump-date input").fill(day.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        page.locator("#jump-date input").press("Enter");
        page.locator("#jump-go").click();
        assertThat(firstTime()).not().hasText(newestFirstRow);
        String jumped = firstTime().textContent();
        assertThat(jumped.substring(0, 10).compareTo(day.plusDays(1).toString())).as(jumped).isLessThan(0);
        assertThat(jumped.substring(0, 10).compareTo(day.minusDays(7).toString())).as(jumped).isGreaterThan(0);
        screenshot("flow-history-jump");
    }

    @Test
    void supportDeletesThreeMessagesOneWayTheyAreGoneForTheUserAndKeptForThePeer() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 10; i++) {
            chats.text(app, i % 2 == 0 ? "pw-a" : "pw-b", i % 2 == 0 ? "pw-b" : "pw-a", "message " + i);
        }
        login("support", "support-demo");
        page.navigate(historyUrl(app, "pw-a", "pw-b"));
        reveal("TICKET-202 user asked to remove three messages");
        assertThat(rows("messages-grid").filter(new Locator.FilterOptions().setHasText("message 9"))).hasCount(1);
        Locator boxes = page.locator("#messages-grid vaadin-checkbox");
        boxes.nth(1).click();
        boxes.nth(2).click();
        boxes.nth(3).click();
        page.locator("#delete-selected").click();
        assertThat(page.locator("#deletion-preview")).containsText("3 messages will disappear for pw-a");
        page.locator("#deletion-reason textarea").fill("TICKET-202 user asked to remove three messages");
        screenshot("flow-delete-one-way-preview");
        page.locator("#deletion-confirm").click();
        assertThat(rows("messages-grid").filter(new Locator.FilterOptions().setHasText("message 9"))).hasCount(0);
        screenshot("flow-delete-one-way-done");
        assertThat(history.fetch(app, HistoryRequest.newest("pw-a", ChatType.CHAT, "pw-b", 50)).messages()).hasSize(7);
        assertThat(history.fetch(app, HistoryRequest.newest("pw-b", ChatType.CHAT, "pw-a", 50)).messages()).hasSize(10);
    }

    @Test
    void anAdminDeletesAConversationWithItsMessagesForBothParticipants() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 30; i++) {
            chats.text(app, i % 2 == 0 ? "pw-c" : "pw-d", i % 2 == 0 ? "pw-d" : "pw-c", "to be deleted " + i);
        }
        login("admin", "admin-demo");
        page.navigate(historyUrl(app, "pw-c", "pw-d"));
        reveal("TICKET-303 legal request");
        assertThat(rows("messages-grid").filter(new Locator.FilterOptions().setHasText("to be deleted 29"))).hasCount(1);
        page.locator("#delete-conversation").click();
        page.locator("#delete-scope vaadin-radio-button").nth(1).click();
        page.locator("#delete-scope-next").click();
        assertThat(page.locator("#deletion-preview")).containsText("30 messages will be deleted from the server for all 2 participants");
        page.locator("#deletion-reason textarea").fill("TICKET-303 legal request");
        assertThat(page.locator("#deletion-confirm")).isDisabled();
        page.locator("#deletion-understood").click();
        screenshot("flow-delete-for-all-preview");
        page.locator("#deletion-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("30 messages");
        for (String[] pair : List.of(new String[] {"pw-c", "pw-d"}, new String[] {"pw-d", "pw-c"})) {
            assertThat(history.fetch(app, HistoryRequest.newest(pair[0], ChatType.CHAT, pair[1], 50)).messages()).isEmpty();
            assertThat(conversations.page(app, pair[0], 1, 50)).extracting(ConversationEntry::convId).doesNotContain(pair[1]);
        }
        screenshot("flow-delete-for-all-done");
    }

    @Test
    void supportIsDeniedWhatOnlyAdministratorsMayDo() {
        App app = testApps.createRoaming();
        chats.text(app, "pw-e", "pw-f", "hello");
        login("support", "support-demo");
        page.navigate(url("/apps"));
        assertThat(page.locator("#apps-grid")).containsText("demo#roaming");
        assertThat(page.locator("#change-roaming")).hasCount(0);
        page.navigate(historyUrl(app, "pw-e", "pw-f"));
        page.locator("#delete-conversation").click();
        assertThat(page.locator("#delete-scope vaadin-radio-button").nth(1)).hasAttribute("disabled", "");
        screenshot("flow-support-denied-delete-for-all");
    }

    @Test
    void anAuditorCannotOpenUserLookupOrHistory() {
        login("auditor", "auditor-demo");
        var lookup = page.navigate(url("/users?app=demo%23roaming&user=alice"));
        assertThat(lookup.status()).isEqualTo(403);
        assertThat(page.locator("#access-denied-title")).hasText("Access denied");
        assertThat(page.locator("#access-denied-explain")).containsText("auditor (AUDITOR) may not open /users");
        assertThat(page.locator("#conversations-grid")).hasCount(0);
        var conversation = page.navigate(historyUrl("alice", "bob"));
        assertThat(conversation.status()).isEqualTo(403);
        assertThat(page.locator("#access-denied-explain")).containsText("may not open /history");
        assertThat(page.locator("#side-nav")).isVisible(); // inside the console frame
        assertThat(page.locator("#messages-grid")).hasCount(0);
        assertThat(page.locator("#nav-users")).hasCount(0);
        screenshot("flow-auditor-denied");
    }

    @Test
    void supportClearsAllRoamingDataOfAUserAfterAPreview() {
        App app = testApps.createRoaming();
        chats.text(app, "pw-g", "pw-h", "one");
        chats.text(app, "pw-i", "pw-g", "two");
        chats.text(app, "pw-g", "pw-i", "three");
        login("support", "support-demo");
        page.navigate(url("/users?app=" + key(app) + "&user=pw-g"));
        assertThat(rows("conversations-grid").filter(new Locator.FilterOptions().setHasText("pw-i"))).hasCount(1);
        page.locator("#clear-all-button").click();
        assertThat(page.locator("#deletion-preview")).containsText("2 conversations with 3 messages disappear");
        page.locator("#deletion-reason textarea").fill("TICKET-404 user left the service");
        screenshot("flow-clear-all-preview");
        page.locator("#deletion-confirm").click();
        assertThat(page.locator("#conversations-grid")).containsText("No conversations on the server for this user");
        assertThat(conversations.page(app, "pw-h", 1, 20)).extracting(ConversationEntry::convId).containsExactly("pw-g");
    }

    @Test
    void supportDeletesEverythingBeforeATimeForOneUser() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 4; i++) {
            chats.text(app, "pw-j", "pw-k", "before " + i);
        }
        login("support", "support-demo");
        page.navigate(historyUrl(app, "pw-j", "pw-k"));
        page.locator("#delete-before").click();
        java.time.LocalDateTime inAMinute = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1);
        page.locator("#delete-before-time input").first().fill(inAMinute.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        page.locator("#delete-before-time input").first().press("Enter");
        page.locator("#delete-before-time input").last().fill(inAMinute.format(DateTimeFormatter.ofPattern("h:mm a")));
        page.locator("#delete-before-time input").last().press("Enter");
        page.locator("#delete-before-next").click();
        assertThat(page.locator("#deletion-preview")).containsText("4 messages will disappear for pw-j");
        page.locator("#deletion-reason textarea").fill("TICKET-505");
        page.locator("#deletion-confirm").click();
        assertThat(page.locator("#messages-grid")).containsText("No messages on this page");
        assertThat(history.fetch(app, HistoryRequest.newest("pw-k", ChatType.CHAT, "pw-j", 50)).messages()).hasSize(4);
    }

    @Test
    void messageContentStaysMaskedUntilTheReaderGivesAReason() {
        App app = testApps.createRoaming();
        chats.text(app, "pw-l", "pw-m", "my private words");
        login("support", "support-demo");
        page.navigate(historyUrl(app, "pw-l", "pw-m"));
        assertThat(page.locator("#reveal-status")).containsText("masked");
        assertThat(page.locator("#messages-grid")).not().containsText("my private words");
        firstTime().click();
        assertThat(page.locator("#message-json")).containsText("\"masked\" : true");
        assertThat(page.locator("#message-json")).not().containsText("my private words");
        screenshot("flow-content-masked");
        reveal("TICKET-606 user reports a missing message");
        assertThat(page.locator("#messages-grid")).containsText("my private words");
        // the open message's JSON is rendered again: its content replaces the mask without another click
        assertThat(page.locator("#message-json")).containsText("my private words");
        assertThat(page.locator("#message-json")).not().containsText("\"masked\"");
        assertThat(page.locator("#reveal-confirm")).hasCount(0);
        screenshot("flow-content-revealed");
    }

    @Test
    void theConsoleSwitchesToChineseAndBack() {
        login("support", "support-demo");
        page.navigate(url("/users?app=demo%23roaming&user=alice"));
        page.locator("#lang-switch").click();
        assertThat(page.locator("#nav-users")).containsText("用户查询");
        assertThat(page.locator("#conversations-grid")).containsText("会话");
        screenshot("flow-chinese-lookup");
        page.locator("#lang-switch").click();
        assertThat(page.locator("#nav-users")).containsText("User lookup");
    }

    @Test
    void anUnknownUserIsReportedClearly() {
        login("support", "support-demo");
        page.navigate(url("/users?app=demo%23roaming&user=nobody-here"));
        assertThat(page.locator("vaadin-notification-card").first()).containsText("There is no user nobody-here in demo#roaming");
    }
}
