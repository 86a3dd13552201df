package io.roamdesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.security.ConsoleAccounts;
import io.roamdesk.security.Role;
import io.roamdesk.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The header's theme switch turns the console dark (Lumo's dark variant) and the account keeps it. */
class DarkModeBrowserTest extends BrowserTest {

    private static final Pattern DARK = Pattern.compile("(^|\\s)dark(\\s|$)");

    @Autowired
    ConsoleAccounts accounts;

    /** The sum of the page background's red, green and blue (0-765). */
    private int backgroundBrightness() {
        String rgb = (String) page.evaluate("() => getComputedStyle(document.documentElement).backgroundColor");
        var m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(rgb);
        assertThat(m.find()).as(rgb).isTrue();
        return Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3));
    }

    @Test
    void theThemeSwitchTurnsTheConsoleDarkAndTheAccountKeepsItAtItsNextSignIn() {
        String name = "pw-dark-" + System.nanoTime() % 1_000_000;
        accounts.create(name, "dark-mode-secret-1", Role.SUPPORT);
        login(name, "dark-mode-secret-1");
        page.navigate(url("/users?app=demo%23roaming&user=alice"));
        assertThat(page.locator("#conversations-grid")).isVisible();
        assertThat(page.locator("#theme-switch")).hasAttribute("data-theme", "LIGHT");
        assertThat(page.locator("body")).not().hasAttribute("theme", DARK);
        assertThat(backgroundBrightness()).as("light background").isGreaterThan(600);
        screenshot("theme-light-lookup");

        page.locator("#theme-switch").click();
        assertThat(page.locator("#theme-switch")).hasAttribute("data-theme", "DARK");
        assertThat(page.locator("body")).hasAttribute("theme", DARK);
        assertThat(page.locator("html")).hasAttribute("theme", DARK);
        page.locator("#show-hidden").click();
        assertThat(backgroundBrightness()).as("dark background").isLessThan(200);
        screenshot("theme-dark-lookup");

        page.locator("#logout-button").click();
        page.waitForURL(u -> u.contains("/login"));
        login(name, "dark-mode-secret-1");
        assertThat(page.locator("#theme-switch")).hasAttribute("data-theme", "DARK");
        assertThat(page.locator("body")).hasAttribute("theme", DARK);
        page.navigate(url("/history?app=demo%23roaming&user=alice&type=chat&conv=bob"));
        assertThat(page.locator("#messages-grid")).isVisible();
        screenshot("theme-dark-history");

        page.locator("#theme-switch").click();
        assertThat(page.locator("#theme-switch")).hasAttribute("data-theme", "LIGHT");
        assertThat(page.locator("body")).not().hasAttribute("theme", DARK);
        assertThat(backgroundBrightness()).as("light again").isGreaterThan(600);
    }
}
