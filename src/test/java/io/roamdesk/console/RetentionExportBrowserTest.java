package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Retention is changed like every setting (with a reason); a conversation is exported from the history view. */
class RetentionExportBrowserTest extends BrowserTest {

    @Autowired
    AppService apps;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    DeletionService deletions;
    @Autowired
    DSLContext db;

    @Test
    void anAdminSetsTheRetentionWithAReasonAndTheAppsListShowsIt() {
        App app = testApps.createRoaming();
        login("admin", "admin-demo");
        page.navigate(url("/apps"));
        page.locator("#change-" + app.key().app()).click();
        page.locator("#setting-select").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Retention (days, 0 = forever)")).click();
        page.locator("#setting-number input").fill("30");
        page.locator("#setting-reason textarea").fill("TICKET-915 keep one month of history only");
        assertThat(page.locator("#setting-change")).containsText("Retention (days, 0 = forever): 0 → 30");
        screenshot("flow-retention-dialog");
        page.locator("#setting-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Retention");
        assertThat(apps.byId(app.appId()).orElseThrow().settings().retentionDays()).isEqualTo(30);
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("30 days")).first())
                .isVisible();
        screenshot("flow-retention-apps");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SETTING_CHANGE").and(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.TARGET.eq("RETENTION_DAYS")).and(AUDIT_EVENT.REASON.contains("TICKET-915")))).isEqualTo(1);
    }

    @Test
    void supportExportsAConversationAsItsOwnerSeesItWithAReason() throws Exception {
        App app = testApps.createRoaming();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            ids.add(chats.text(app, i % 2 == 0 ? "ex-ann" : "ex-ben", i % 2 == 0 ? "ex-ben" : "ex-ann", "line " + i));
        }
        deletions.deleteByIds(app, ConversationRef.of("ex-ann", ChatType.CHAT, "ex-ben"), List.of(ids.get(3)));

        login("support", "support-demo");
        page.navigate(url("/history?app=" + URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8)
                + "&user=ex-ann&type=chat&conv=ex-ben"));
        page.locator("#export-button").click();
        assertThat(page.locator("#export-format")).isVisible();
        // SUPPORT gives a reason first: until then there is nothing to download
        assertThat(page.locator("#export-download")).hasAttribute("disabled", "");
        page.locator("#export-reason textarea").fill("DSAR-88 ex-ann asked for her chat with ex-ben");
        assertThat(page.locator("#export-download")).not().hasAttribute("disabled", "");
        Download download = page.waitForDownload(() -> page.locator("#export-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("ex-ann-chat-ex-ben.jsonl");
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(page.locator("#export-progress")).containsText("Export finished: 74 messages.");
        screenshot("flow-export-dialog");

        ObjectMapper json = new ObjectMapper();
        assertThat(lines).hasSize(74);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("msg_id").asText()).isEqualTo(Long.toString(ids.get(0)));
        assertThat(first.get("from").asText()).isEqualTo("ex-ann");
        assertThat(first.at("/payload/bodies/0/msg").asText()).isEqualTo("line 0");
        assertThat(lines).noneMatch(l -> l.contains("\"line 3\""));
        assertThat(json.readTree(lines.get(73)).at("/payload/bodies/0/msg").asText()).isEqualTo("line 74");
        assertThat(db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.ACTION.eq("CONTENT_EXPORT")).orderBy(AUDIT_EVENT.CHAIN_SEQ).fetch())
                .satisfiesExactly(
                        started -> assertThat(started.getOutcome()).isEqualTo("STARTED"),
                        done -> {
                            assertThat(done.getOutcome()).isEqualTo("SUCCESS");
                            assertThat(done.getActor()).isEqualTo("support");
                            assertThat(done.getReason()).isEqualTo("DSAR-88 ex-ann asked for her chat with ex-ben");
                            assertThat(done.getParams().data()).contains("\"messages\":74");
                        });
    }
}
