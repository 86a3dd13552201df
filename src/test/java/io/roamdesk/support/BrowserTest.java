package io.roamdesk.support;

/** A browser test against the application with the demo data ({@link IntegrationTest}). */
@IntegrationTest
public abstract class BrowserTest extends BrowserSession {
}
