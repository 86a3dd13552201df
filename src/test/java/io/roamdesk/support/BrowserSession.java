package io.roamdesk.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Playwright against the running application: in Debian's Chromium where it is installed
 * ({@code /usr/bin/chromium}, or {@code -Droamdesk.chromium=<path>}), otherwise in the browser
 * Playwright downloads for itself on first use. Each test gets a fresh browser
 * context (no shared session); screenshots go to {@code target/screenshots}. The Spring context
 * comes from the subclass ({@link BrowserTest}: the demo data).
 */
@Tag("browser")
public abstract class BrowserSession {

    private static final Path CHROMIUM = Path.of(System.getProperty("roamdesk.chromium", "/usr/bin/chromium"));
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;
    protected Page page;
    private BrowserContext context;

    @BeforeAll
    static void launch() {
        boolean systemChromium = Files.isExecutable(CHROMIUM);
        var launch = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"));
        if (systemChromium) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            launch.setExecutablePath(CHROMIUM);
        } else {
            playwright = Playwright.create();
        }
        browser = playwright.chromium().launch(launch);
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1400, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void login(String username, String password) {
        page.navigate(url("/login"));
        page.locator("#login-form vaadin-text-field input").fill(username);
        page.locator("#login-form vaadin-password-field input").fill(password);
        page.keyboard().press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
