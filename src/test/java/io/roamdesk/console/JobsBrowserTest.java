package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator sees a delete-for-all that stopped mid-way, with how far it got. */
class JobsBrowserTest extends BrowserTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    AuditedActions audited;

    @Test
    void anAdministratorSeesAnUnfinishedDeleteForAllWithItsProgress() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 3; i++) {
            chats.text(app, "pw-jobs", "pw-jobs-peer", "m" + i);
        }
        // the job stops after its batch (as when its instance dies); it holds its lease for a minute
        assertThatThrownBy(() -> audited.deleteConversation(new Actor("pw-admin", "APP_ADMIN"), app,
                ConversationRef.of("pw-jobs", ChatType.CHAT, "pw-jobs-peer"), true, "PW-JOB-REASON", n -> {
                    throw new IllegalStateException("stopped");
                })).hasMessage("stopped");
        login("admin", "admin-demo");
        page.navigate(url("/jobs"));
        var grid = page.locator("#jobs-grid");
        assertThat(grid).containsText(app.key().toString());
        assertThat(grid).containsText("chat:pw-jobs-peer (pw-jobs)");
        assertThat(grid).containsText("PW-JOB-REASON");
        assertThat(grid).containsText("Running");
        screenshot("flow-jobs-view");
    }
}
