package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.roamdesk.support.BrowserSession;
import io.roamdesk.support.FreshInstall;
import org.junit.jupiter.api.Test;

/**
 * An operator's first sign-in on an empty database: the platform administrator created from the
 * settings is held on the password change until it chooses its own password, then reaches the console.
 */
@FreshInstall
class FirstAdminBrowserTest extends BrowserSession {

    private static final String NEW_PASSWORD = "operator-chosen-password";

    @Test
    void theFirstAdministratorMustChangeThePasswordBeforeReachingTheConsole() {
        login(FreshInstall.ADMIN, FreshInstall.ADMIN_PASSWORD);
        page.waitForURL(u -> u.contains("/change-password"));
        assertThat(page.locator("#password-reason")).containsText("Your password is temporary");
        assertThat(page.locator("#side-nav")).hasCount(0);

        // no way around it: a deep link lands on the password change again
        page.navigate(url("/audit"));
        page.waitForURL(u -> u.contains("/change-password"));
        assertThat(page.locator("#password-current")).isVisible();

        // a mismatch and a wrong current password are refused in place
        page.locator("#password-current input").fill(FreshInstall.ADMIN_PASSWORD);
        page.locator("#password-new input").fill(NEW_PASSWORD);
        page.locator("#password-confirm input").fill(NEW_PASSWORD + "x");
        page.locator("#password-save").click();
        assertThat(page.locator("#password-confirm")).hasAttribute("invalid", "");
        page.locator("#password-current input").fill("not-the-password");
        page.locator("#password-confirm input").fill(NEW_PASSWORD);
        page.locator("#password-save").click();
        assertThat(page.locator("#password-current")).hasAttribute("invalid", "");
        screenshot("first-admin-change-password");

        page.locator("#password-current input").fill(FreshInstall.ADMIN_PASSWORD);
        page.locator("#password-save").click();
        assertThat(page.locator("#side-nav")).isVisible();
        assertThat(page.locator("#current-account")).hasText(FreshInstall.ADMIN + " · PLATFORM_ADMIN");
        assertThat(page.locator("#nav-audit")).isVisible();
        assertThat(page.locator("#nav-users")).isVisible();
        screenshot("first-admin-console");

        // the next sign-in takes the new password and goes straight to the console
        page.locator("#logout-button").click();
        page.waitForURL(u -> u.contains("/login"));
        login(FreshInstall.ADMIN, NEW_PASSWORD);
        assertThat(page.locator("#side-nav")).isVisible();
        page.navigate(url("/audit"));
        assertThat(page.locator("#side-nav")).isVisible();
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*change-password.*"));
    }
}
