package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import io.roamdesk.app.Setting;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HardeningTest {

    private static final Actor ADMIN = new Actor("boss", "APP_ADMIN");

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    AuditedActions audited;
    @Autowired
    AppService apps;
    @Autowired
    DSLContext db;
    @Autowired
    TestRestTemplate http;

    private int events(App app, String action) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.APP_ID.eq(app.appId()).and(AUDIT_EVENT.ACTION.eq(action)));
    }

    @Test
    void revokingAClientsTokensEndsThemAtOnceAndIsAudited() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        String path = base(app) + "/users/alice/user_channels/page";
        assertThat(api.get(path, token).getStatusCode().value()).isEqualTo(200);
        assertThat(audited.revokeTokens(ADMIN, app, TestApps.CLIENT_ID, "token leaked in a log")).isEqualTo(1);
        assertThat(api.get(path, token).getStatusCode().value()).isEqualTo(401);
        assertThat(api.get(path, api.token(app)).getStatusCode().value()).as("a new grant works").isEqualTo(200);
        assertThat(events(app, "REVOKE_TOKENS")).isEqualTo(1);
    }

    @Test
    void aSwitchChangeWritesExactlyOneAuditEvent() {
        App app = testApps.create(AppSettings.defaults());
        audited.changeSetting(ADMIN, app.appId(), app.settingsVersion(), Setting.ROAMING, "true", "contract signed");
        assertThat(apps.require(app.key()).roamingEnabled()).isTrue();
        assertThat(events(app, "SETTING_CHANGE")).isEqualTo(1);
        assertThat(db.select(AUDIT_EVENT.PARAMS).from(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.ACTION.eq("SETTING_CHANGE")).fetchSingle().value1().data())
                .as("old and new value").contains("\"old\":\"false\"").contains("\"new\":\"true\"");
    }

    @Test
    void secretsTokensAndMessageBodiesNeverReachTheLogs(CapturedOutput output) {
        sendSecretsAndCheckTheLogs(output::getAll, "SECRET-BODY-4711", "SECRET-BODY-4712", "WRONG-SECRET-99");
    }

    /**
     * What an operator turns on to chase a problem must not leak either: our own code and Spring's
     * at DEBUG (Spring Web logs request and response bodies there unless told not to). Lines of the
     * test's own thread are its HTTP client writing the requests, not the server. SQL logging (jOOQ
     * at DEBUG) shows bind values, message contents included, and is not covered (docs/operations.md).
     */
    @Test
    void secretsTokensAndMessageBodiesStayOutOfTheLogsAtDebugToo(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        Map<String, LogLevel> levels = new LinkedHashMap<>();
        levels.put("io.roamdesk", LogLevel.DEBUG);
        levels.put("org.springframework", LogLevel.DEBUG);
        Map<String, LogLevel> before = new LinkedHashMap<>();
        try {
            levels.forEach((name, level) -> {
                var configured = logging.getLoggerConfiguration(name);
                before.put(name, configured == null ? null : configured.getConfiguredLevel());
                logging.setLogLevel(name, level);
            });
            assertThat(LoggerFactory.getLogger("io.roamdesk.api").isDebugEnabled()).as("DEBUG is on").isTrue();
            assertThat(LoggerFactory.getLogger("org.springframework.web.servlet.DispatcherServlet").isDebugEnabled())
                    .as("Spring Web at DEBUG").isTrue();
            String testThread = String.format("[%15.15s]", Thread.currentThread().getName());
            sendSecretsAndCheckTheLogs(() -> output.getAll().lines().filter(l -> !l.contains(testThread))
                    .collect(java.util.stream.Collectors.joining("\n")), "SECRET-BODY-5811", "SECRET-BODY-5812",
                    "WRONG-SECRET-58");
        } finally {
            before.forEach(logging::setLogLevel);
        }
    }

    private void sendSecretsAndCheckTheLogs(java.util.function.Supplier<String> logs, String body, String badBody,
            String wrongSecret) {
        App app = testApps.createRoaming();
        String token = api.token(app);
        api.call(HttpMethod.POST, base(app) + "/messages/users", token,
                "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"" + body + "\"}}");
        api.call(HttpMethod.POST, base(app) + "/messages/users", token,
                "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"" + badBody + "\"},\"ext\":[1]}");
        api.call(HttpMethod.POST, base(app) + "/token", null,
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"test-client\",\"client_secret\":\"" + wrongSecret + "\"}");
        assertThat(logs.get()).doesNotContain(body, badBody, wrongSecret, TestApps.CLIENT_SECRET, token);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        var login = http.getForEntity("/login", String.class);
        assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'",
                "default-src 'self'", "object-src 'none'", "form-action 'self'", "base-uri 'self'");
        assertThat(login.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        var apiAnswer = http.getForEntity("/demo/roaming/users/alice/user_channels/page", String.class);
        assertThat(apiAnswer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(apiAnswer.getHeaders().getFirst("Cache-Control")).contains("no-store");
    }

    @Test
    void theSessionCookieIsSameSiteAndHttpOnlyAndSecureBehindTls() {
        String plain = sessionCookie(new org.springframework.http.HttpHeaders());
        assertThat(plain).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        var proxied = new org.springframework.http.HttpHeaders();
        proxied.set("X-Forwarded-Proto", "https");
        assertThat(sessionCookie(proxied)).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
    }

    private String sessionCookie(org.springframework.http.HttpHeaders headers) {
        var answer = http.exchange("/login", HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
        return answer.getHeaders().getOrEmpty("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + answer.getHeaders()));
    }
}
