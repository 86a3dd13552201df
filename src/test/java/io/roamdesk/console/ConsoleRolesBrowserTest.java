package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.roamdesk.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConsoleRolesBrowserTest extends BrowserTest {

    @ParameterizedTest
    @CsvSource({"support,support-demo,SUPPORT,conversations-grid", "admin,admin-demo,APP_ADMIN,apps-grid",
            "auditor,auditor-demo,AUDITOR,apps-grid"})
    void eachRoleSignsInAndSeesTheAppsWithTheirRoamingStatus(String user, String password, String role, String landing) {
        login(user, password);
        assertThat(page.locator("#current-account")).hasText(user + " · " + role);
        // the support desk starts at user lookup (the apps are read-only for them); the others at the apps
        assertThat(page.locator("#" + landing)).isVisible();
        page.navigate(url("/apps"));
        assertThat(page.locator("#apps-grid")).containsText("demo#roaming");
        assertThat(page.locator("#apps-grid")).containsText("demo#plain");
        assertThat(page.locator("#roaming-roaming")).hasText("On");
        assertThat(page.locator("#roaming-plain")).hasText("Off");
        assertThat(page.locator("#nav-apps")).isVisible();
        screenshot("roles-" + user + "-apps");
        page.locator("#logout-button").click();
        page.waitForURL(u -> u.contains("/login"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        page.navigate(url("/login"));
        page.locator("#login-form vaadin-text-field input").fill("admin");
        page.locator("#login-form vaadin-password-field input").fill("wrong-password");
        page.keyboard().press("Enter");
        assertThat(page.locator("#login-form")).containsText("Sign-in failed");
        screenshot("login-refused");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        page.navigate(url("/apps"));
        page.waitForURL(u -> u.contains("/login"));
        assertThat(page.locator("#login-form")).isVisible();
    }
}
