package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.security.ConsoleAccounts;
import io.roamdesk.security.Role;
import io.roamdesk.support.Api;
import io.roamdesk.support.BrowserTest;
import io.roamdesk.support.TestApps;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The management screens as an operator uses them: a platform administrator creates an app and an
 * API client whose token then works against the REST API, disables and enables the app, rotates the
 * secret; creates a support account scoped to one app, which sees nothing else, must change its
 * temporary password, is forced to change again after a reset, and cannot sign in once disabled.
 */
class ManagementBrowserTest extends BrowserTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String ADMIN_PASSWORD = "platform-admin-password";

    @Autowired
    ConsoleAccounts accounts;
    @Autowired
    AppService apps;
    @Autowired
    TestApps testApps;
    @Autowired
    Api api;
    @Autowired
    io.roamdesk.app.AppAccess access;

    private String platformAdmin() {
        String name = "ui-platform-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        accounts.create(name, ADMIN_PASSWORD, Role.PLATFORM_ADMIN);
        return name;
    }

    private ResponseEntity<JsonNode> token(String org, String app, String clientId, String secret) {
        return api.call(HttpMethod.POST, "/" + org + "/" + app + "/token", null, """
                {"grant_type":"client_credentials","client_id":"%s","client_secret":"%s"}""".formatted(clientId, secret));
    }

    /** Filters the accounts grid down to one account and waits until the grid shows just that one. */
    private void filterAccounts(String name) {
        page.locator("#accounts-filter input").fill(name);
        // the grid renders its row buttons anew when the filter applies: a click before that is lost
        page.waitForFunction("() => { const g = document.querySelector('#accounts-grid');"
                + " return g.size === 1 && !g.hasAttribute('loading'); }");
    }

    private void confirmWithReason(String reason) {
        page.locator("#reason-text textarea").fill(reason);
        page.locator("#reason-confirm").click();
    }

    @Test
    void aPlatformAdministratorCreatesAnAppAndAClientWhoseTokenWorksThenDisablesAndRotates() {
        String admin = platformAdmin();
        String org = "ui" + System.nanoTime() % 1_000_000;
        login(admin, ADMIN_PASSWORD);
        page.navigate(url("/apps"));

        // an org named like our own paths is refused with the rule, and nothing is created
        page.locator("#create-app").click();
        page.locator("#create-app-org input").fill("actuator");
        page.locator("#create-app-name input").fill("chat");
        page.locator("#create-app-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("reserved");
        screenshot("manage-create-app-refused");
        page.locator("#create-app-org input").fill(org.toUpperCase());
        page.locator("#create-app-confirm").click();
        String key = org + "#chat";
        assertThat(page.locator("#apps-grid")).containsText(key);
        assertThat(page.locator("#state-" + org + "-chat")).hasText("Enabled");
        assertThat(apps.find(new io.roamdesk.app.AppKey("actuator", "chat"))).isEmpty();

        // the new app is selected: create an API client; its secret is shown once
        page.locator("#client-description input").fill("chat backend");
        page.locator("#create-client").click();
        assertThat(page.locator("#secret-value")).isVisible();
        String clientId = page.locator("#secret-name input").inputValue();
        String secret = page.locator("#secret-value input").inputValue();
        assertThat(page.locator("#secret-once")).containsText("shown this once");
        screenshot("manage-client-secret-once");
        page.locator("#secret-done").click();
        assertThat(page.locator("#clients-grid")).containsText(clientId);
        assertThat(page.locator("#clients-grid")).not().containsText(secret);

        var granted = token(org, "chat", clientId, secret);
        assertThat(granted.getStatusCode().value()).isEqualTo(200);
        String token = granted.getBody().get("access_token").asText();
        var user = api.call(HttpMethod.POST, "/" + org + "/chat/users", token, """
                {"username":"first-user","password":"first-user-password"}""");
        assertThat(user.getStatusCode().value()).as("the new client's token works against the REST API").isEqualTo(200);
        screenshot("manage-apps-with-client");

        // disabled: the API refuses with the vendor's error, the data stays; enabled again: back
        page.locator("#disable-" + org + "-chat").click();
        assertThat(page.locator("#reason-preview")).containsText("403 forbidden_op");
        confirmWithReason("customer paused the contract");
        assertThat(page.locator("#state-" + org + "-chat")).hasText("Disabled");
        screenshot("manage-app-disabled");
        var refused = api.call(HttpMethod.GET, "/" + org + "/chat/users/first-user", token, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("error").asText()).isEqualTo("forbidden_op");
        page.locator("#enable-" + org + "-chat").click();
        assertThat(page.locator("#state-" + org + "-chat")).hasText("Enabled");
        assertThat(api.call(HttpMethod.GET, "/" + org + "/chat/users/first-user", token, null).getStatusCode().value())
                .isEqualTo(200);

        // rotate: a new secret shown once; the old one keeps working for the grace period
        page.locator("#rotate-" + clientId).click();
        assertThat(page.locator("#reason-preview")).containsText(ApiCredentials.ROTATION_GRACE.toHours() + " hours");
        confirmWithReason("yearly rotation");
        String rotated = page.locator("#secret-value input").inputValue();
        assertThat(rotated).isNotEqualTo(secret);
        page.locator("#secret-done").click();
        assertThat(page.locator("#client-state-" + clientId)).containsText("old secret valid until");
        assertThat(token(org, "chat", clientId, rotated).getStatusCode().value()).isEqualTo(200);
        assertThat(token(org, "chat", clientId, secret).getStatusCode().value()).isEqualTo(200);

        // disabled client: no token with either secret
        page.locator("#disable-client-" + clientId).click();
        confirmWithReason("integration retired");
        assertThat(page.locator("#client-state-" + clientId)).containsText("Disabled");
        assertThat(token(org, "chat", clientId, rotated).getStatusCode().value()).isEqualTo(400);
        screenshot("manage-client-disabled");

        // an account without any app is told there is none, not shown an empty grid
        String none = "ui-noapps-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        accounts.create(none, ADMIN_PASSWORD, Role.SUPPORT);
        access.setScope(none, io.roamdesk.app.AppScope.NONE);
        page.locator("#logout-button").click();
        page.waitForURL(u -> u.contains("/login"));
        login(none, ADMIN_PASSWORD);
        page.navigate(url("/apps"));
        assertThat(page.locator("#apps-grid")).containsText("No apps yet.");
        assertThat(page.locator("#apps-grid")).not().containsText(key);
        screenshot("manage-no-apps");
    }

    @Test
    void aScopedSupportAccountSeesOnlyItsAppIsForcedToChangeItsPasswordAndCannotSignInOnceDisabled() {
        App mine = testApps.createRoaming();
        String admin = platformAdmin();
        String name = "ui-scoped-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        login(admin, ADMIN_PASSWORD);
        page.navigate(url("/accounts"));
        page.locator("#accounts-filter input").fill(admin);
        assertThat(page.locator("#accounts-grid")).containsText(admin);
        page.locator("#accounts-filter input").fill("");
        page.locator("#create-account").click();
        page.locator("#create-account-name input").fill(name);
        page.locator("#create-account-apps input").fill(mine.key().toString());
        page.locator("vaadin-multi-select-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(mine.key().toString())).first().click();
        page.keyboard().press("Escape");
        screenshot("manage-create-account");
        page.locator("#create-account-confirm").click();
        String temporary = page.locator("#secret-value input").inputValue();
        page.locator("#secret-done").click();
        assertThat(page.locator("#accounts-grid")).containsText(name);
        assertThat(page.locator("#accounts-grid")).containsText(mine.key().toString());
        assertThat(page.locator("#state-" + name)).containsText("Temporary password");
        screenshot("manage-accounts");
        logout();

        // first sign-in: the temporary password must be changed, then only its own app exists
        login(name, temporary);
        page.waitForURL(u -> u.contains("/change-password"));
        changePassword(temporary, "scoped-support-password");
        page.navigate(url("/apps"));
        assertThat(page.locator("#apps-grid")).containsText(mine.key().toString());
        assertThat(page.locator("#apps-grid")).not().containsText("demo#roaming");
        assertThat(page.locator("#nav-accounts")).hasCount(0);
        screenshot("manage-scoped-apps");

        // a deep link into another app answers exactly like a link to an app that does not exist
        page.navigate(url("/history?app=demo%23roaming&user=alice&type=chat&conv=bob"));
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Could not find application for demo#roaming");
        assertThat(page.locator("#messages-grid")).not().containsText("alice");
        page.navigate(url("/history?app=nosuch%23app&user=alice&type=chat&conv=bob"));
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Could not find application for nosuch#app");
        page.navigate(url("/users?app=demo%23roaming&user=alice"));
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Could not find application demo#roaming");
        assertThat(page.locator("#conversations-grid")).not().containsText("bob");
        screenshot("manage-scoped-deep-link");
        page.navigate(url("/accounts"));
        assertThat(page.locator("#accounts-grid")).hasCount(0);
        page.navigate(url("/apps"));
        logout();

        // the administrator resets the password: the next sign-in must change it again; then disables it
        login(admin, ADMIN_PASSWORD);
        page.navigate(url("/accounts"));
        filterAccounts(name);
        page.locator("#reset-" + name).click();
        confirmWithReason("forgot the password");
        String reset = page.locator("#secret-value input").inputValue();
        page.locator("#secret-done").click();
        for (int i = 0; i < ConsoleAccounts.MAX_FAILURES; i++) {
            accounts.recordFailure(name);
        }
        page.navigate(url("/accounts"));
        filterAccounts(name);
        assertThat(page.locator("#state-" + name)).containsText("Locked");
        page.locator("#unlock-" + name).click();
        assertThat(page.locator("#state-" + name)).not().containsText("Locked");
        logout();
        login(name, reset);
        page.waitForURL(u -> u.contains("/change-password"));
        assertThat(page.locator("#password-reason")).containsText("temporary");
        logout();

        login(admin, ADMIN_PASSWORD);
        page.navigate(url("/accounts"));
        filterAccounts(name);
        page.locator("#disable-" + name).click();
        confirmWithReason("left the team");
        assertThat(page.locator("#state-" + name)).containsText("Disabled");
        screenshot("manage-account-disabled");
        logout();
        page.navigate(url("/login"));
        page.locator("#login-form vaadin-text-field input").fill(name);
        page.locator("#login-form vaadin-password-field input").fill(reset);
        page.keyboard().press("Enter");
        assertThat(page.locator("#login-form")).containsText("Sign-in failed");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        page.navigate(url("/apps"));
        assertThat(page.locator("#login-form")).isVisible();
        assertThat(page.locator("#side-nav")).hasCount(0);
    }

    private void changePassword(String current, String replacement) {
        page.locator("#password-current input").fill(current);
        page.locator("#password-new input").fill(replacement);
        page.locator("#password-confirm input").fill(replacement);
        page.locator("#password-save").click();
        assertThat(page.locator("#side-nav")).isVisible();
    }

    private void logout() {
        page.locator("#logout-button").click();
        page.waitForURL(u -> u.contains("/login"));
    }
}
