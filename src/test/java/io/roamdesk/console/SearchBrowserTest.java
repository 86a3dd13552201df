package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.roamdesk.app.App;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A support agent searches a conversation for a word and jumps from the hit to the message in its history. */
class SearchBrowserTest extends BrowserTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    DSLContext db;

    @Test
    void aSearchHitOpensTheMessageInContext() {
        App app = testApps.createRoaming();
        long wanted = 0;
        for (int i = 0; i < 150; i++) {
            boolean hit = i == 7;
            long id = chats.text(app, i % 2 == 0 ? "sr-a" : "sr-b", i % 2 == 0 ? "sr-b" : "sr-a",
                    hit ? "订单号 A-1077 的退款已经提交 refund submitted" : "message " + i);
            if (hit) {
                wanted = id;
            }
        }
        login("support", "support-demo");
        page.navigate(url("/history?app=" + URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8)
                + "&user=sr-a&type=chat&conv=sr-b"));
        assertThat(page.locator("#search-status")).containsText("Reveal the content with a reason to search");
        assertThat(page.locator("#search-query input")).isDisabled();
        screenshot("flow-search-masked");

        page.locator("#reveal-button").click();
        page.locator("#reveal-reason textarea").fill("TICKET-1077 where is my refund message");
        page.locator("#reveal-confirm").click();
        page.locator("#search-query input").fill("退款");
        page.locator("#search-go").click();
        assertThat(page.locator("#search-status")).containsText("Found 1 in the whole conversation");
        Locator hit = page.locator("#search-hits vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("A-1077").setVisible(true));
        assertThat(hit).hasCount(1);
        screenshot("flow-search-hits");

        // the message is 142 messages back, on the third page of history: the hit opens that page at it
        assertThat(page.locator("#messages-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("A-1077").setVisible(true))).hasCount(0);
        hit.click();
        page.waitForURL("**msg=" + wanted + "**");
        assertThat(page.locator("#messages-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("A-1077").setVisible(true))).hasCount(1);
        assertThat(page.locator("#message-detail")).containsText("A-1077");
        screenshot("flow-search-opened-in-context");
        assertThat(db.select(AUDIT_EVENT.PARAMS).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("CONTENT_SEARCH"))
                .and(AUDIT_EVENT.APP_ID.eq(app.appId())).and(AUDIT_EVENT.ACTOR.eq("support")).fetch(r -> r.value1().data()))
                .singleElement().asString().contains("退款").contains("\"hits\":1");
    }
}
