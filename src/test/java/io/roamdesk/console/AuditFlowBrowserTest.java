package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A support agent reveals and deletes; the auditor finds both, exports them, and sees the chain verified. */
class AuditFlowBrowserTest extends BrowserTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;

    @Test
    void theAuditorFindsTheAgentsRevealAndDeletionExportsThemAndSeesTheChainVerified() throws Exception {
        var app = testApps.createRoaming();
        for (int i = 0; i < 5; i++) {
            chats.text(app, "pw-audit", "pw-peer", "audited message " + i);
        }
        login("support", "support-demo");
        page.navigate(url("/history?app=" + java.net.URLEncoder.encode(app.key().toString(),
                java.nio.charset.StandardCharsets.UTF_8) + "&user=pw-audit&type=chat&conv=pw-peer"));
        page.locator("#reveal-button").click();
        page.locator("#reveal-reason textarea").fill("TICKET-777 user disputes a message");
        page.locator("#reveal-confirm").click();
        assertThat(page.locator("#messages-grid")).containsText("audited message 4");
        page.locator("#messages-grid vaadin-checkbox").nth(1).click();
        page.locator("#delete-selected").click();
        page.locator("#deletion-reason textarea").fill("TICKET-777 remove the disputed message");
        page.locator("#deletion-confirm").click();
        assertThat(page.locator("#messages-grid")).not().containsText("audited message 4");
        page.locator("#logout-button").click();
        page.waitForURL(u -> u.contains("/login"));

        login("auditor", "auditor-demo");
        page.setViewportSize(1440, 900);
        page.navigate(url("/audit"));
        assertThat(page.locator("#chain-status")).containsText("Chain intact: verified up to event");
        page.locator("#audit-user input").fill("pw-audit");
        page.locator("#audit-apply").click();
        Locator grid = page.locator("#audit-grid");
        // the grid names actions in the reader's language; the exports keep the codes
        assertThat(grid).containsText("Content revealed");
        assertThat(grid).containsText("TICKET-777 user disputes a message");
        assertThat(grid).containsText("One-way delete (messages)");
        assertThat(grid).containsText("TICKET-777 remove the disputed message");
        assertThat(page.locator("#audit-details")).isHidden(); // no empty pane before a row is picked
        page.locator("#audit-grid vaadin-grid-cell-content", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("One-way delete (messages)")).first().click();
        assertThat(page.locator("#audit-details-title")).containsText("Details of event");
        assertThat(page.locator("#audit-detail")).containsText("row_hash");
        assertThat(page.locator("#audit-detail")).containsText("DELETE_ONE_WAY_IDS");
        assertReasonColumnInsideTheGrid();
        screenshot("flow-audit-view");
        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
        String text = Files.readString(csv.path());
        assertThat(text).startsWith("event_id,occurred_at,actor");
        assertThat(text).contains("CONTENT_REVEAL").contains("DELETE_ONE_WAY_IDS").contains("support");
        Download json = page.waitForDownload(() -> page.locator("#export-json").click());
        assertThat(Files.readString(json.path())).contains("\"action\":\"DELETE_ONE_WAY_IDS\"");
        page.locator("#verify-chain").click();
        assertThat(page.locator("#chain-status")).containsText("Whole chain intact");
        assertThat(page.locator("#chain-status")).containsText("verified from the first event up to event");
    }

    /** At 1440 px every header cell, the reason's included, ends inside the grid's right edge. */
    private void assertReasonColumnInsideTheGrid() {
        @SuppressWarnings("unchecked")
        var overflow = (java.util.List<Object>) page.evaluate("() => { const g = document.querySelector('#audit-grid');"
                + " const right = g.getBoundingClientRect().right;"
                + " return [...g.shadowRoot.querySelectorAll('th')].filter(th => th.getBoundingClientRect().width > 0"
                + " && th.getBoundingClientRect().right > right + 1).map(th => th.textContent); }");
        assertThat(overflow).as("header cells past the grid's right edge").isEmpty();
    }

    @Test
    void supportCannotOpenTheAuditTrailAndSeesADenialInsideTheConsoleWithAWayBack() {
        login("support", "support-demo");
        assertThat(page.request().get(url("/audit")).status()).as("a plain HTTP request").isEqualTo(403);
        var response = page.navigate(url("/audit"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("#access-denied-title")).hasText("Access denied");
        assertThat(page.locator("#access-denied-explain")).containsText("support (SUPPORT) may not open /audit");
        assertThat(page.locator("#side-nav")).isVisible(); // inside the console frame
        assertThat(page.locator("body")).not().containsText("Could not navigate");
        assertThat(page.locator("#audit-grid")).hasCount(0);
        assertThat(page.locator("#nav-audit")).hasCount(0);
        screenshot("flow-support-denied-audit");
        page.locator("#access-denied-back").click();
        page.waitForURL(u -> u.contains("/users"));
        assertThat(page.locator("#conversations-grid")).isVisible();
    }
}
