package io.roamdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditQuery;
import io.roamdesk.audit.AuditSearch;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.security.AccountAdministration;
import io.roamdesk.security.ConsoleAccounts;
import io.roamdesk.security.Role;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The management services behind the console's screens, through real HTTP where the REST API is the outcome. */
@IntegrationTest
class ManagementTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    AuditedActions audited;
    @Autowired
    AppService apps;
    @Autowired
    ApiCredentials credentials;
    @Autowired
    AccountAdministration admin;
    @Autowired
    ConsoleAccounts accounts;
    @Autowired
    AuditSearch audit;
    @Autowired
    TestApps testApps;
    @Autowired
    Api api;

    private Actor platform;

    @BeforeEach
    void platformAdministrator() {
        String name = "mgmt-admin-" + System.nanoTime() % 1_000_000 + "-" + COUNTER.incrementAndGet();
        accounts.create(name, "a-long-enough-password", Role.PLATFORM_ADMIN);
        platform = new Actor(name, Role.PLATFORM_ADMIN.name());
    }

    private App newApp() {
        return audited.createApp(platform, AppNames.forNewApp("mgmt", "app" + System.nanoTime() % 1_000_000 + COUNTER.incrementAndGet()),
                AppSettings.defaults());
    }

    private ResponseEntity<JsonNode> token(App app, String clientId, String secret) {
        return api.call(HttpMethod.POST, "/" + app.key().org() + "/" + app.key().app() + "/token", null, """
                {"grant_type":"client_credentials","client_id":"%s","client_secret":"%s"}""".formatted(clientId, secret));
    }

    private ResponseEntity<JsonNode> createUser(App app, String token, String user) {
        return api.call(HttpMethod.POST, "/" + app.key().org() + "/" + app.key().app() + "/users", token,
                "{\"username\":\"" + user + "\",\"password\":\"pw-" + user + "-123456\"}");
    }

    @Test
    void aNewClientsSecretGetsATokenThatWorksAndIsStoredHashed() {
        App app = newApp();
        var issued = audited.createClient(platform, app, "chat backend");
        var r = token(app, issued.clientId(), issued.secret());
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        String token = r.getBody().get("access_token").asText();
        assertThat(createUser(app, token, "alice").getStatusCode().value()).isEqualTo(200);
        assertThat(credentials.clientList(app.appId())).singleElement()
                .satisfies(c -> assertThat(c.description()).isEqualTo("chat backend"));
        // a wrong secret is refused
        assertThat(token(app, issued.clientId(), issued.secret() + "x").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aDisabledAppRefusesItsApiKeepsItsDataAndComesBackWhenEnabled() {
        App app = newApp();
        var issued = audited.createClient(platform, app, "backend");
        String token = token(app, issued.clientId(), issued.secret()).getBody().get("access_token").asText();
        assertThat(createUser(app, token, "bob").getStatusCode().value()).isEqualTo(200);

        assertThatThrownBy(() -> audited.setAppEnabled(platform, app, false, " ")).isInstanceOf(RoamdeskException.class);
        App off = audited.setAppEnabled(platform, app, false, "customer stopped paying");
        assertThat(off.enabled()).isFalse();
        var refused = createUser(app, token, "carol");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("error").asText()).isEqualTo("forbidden_op");
        assertThat(refused.getBody().get("error_description").asText()).isEqualTo(AppService.APP_DISABLED);
        assertThat(token(app, issued.clientId(), issued.secret()).getStatusCode().value()).isEqualTo(403);

        audited.setAppEnabled(platform, off, true, null);
        var get = api.call(HttpMethod.GET, "/" + app.key().org() + "/" + app.key().app() + "/users/bob", token, null);
        assertThat(get.getStatusCode().value()).as("the old token and the data are back").isEqualTo(200);
        assertThat(createUser(app, token, "carol").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRotatedSecretKeepsTheOldOneForTheGracePeriodOnly() {
        App app = newApp();
        var first = audited.createClient(platform, app, "backend");
        assertThatThrownBy(() -> audited.rotateSecret(platform, app, first.clientId(), "")).isInstanceOf(RoamdeskException.class);
        var second = audited.rotateSecret(platform, app, first.clientId(), "yearly rotation");
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(token(app, first.clientId(), second.secret()).getStatusCode().value()).isEqualTo(200);
        assertThat(token(app, first.clientId(), first.secret()).getStatusCode().value()).as("old secret in its grace").isEqualTo(200);
        assertThat(credentials.clientList(app.appId()).get(0).previousSecretUntil()).isPositive();

        var third = audited.rotateSecret(platform, app, first.clientId(), "leaked");
        assertThat(token(app, first.clientId(), first.secret()).getStatusCode().value()).as("two rotations ago").isEqualTo(400);
        assertThat(token(app, first.clientId(), second.secret()).getStatusCode().value()).isEqualTo(200);
        assertThat(token(app, first.clientId(), third.secret()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aDisabledClientGetsNoTokenAndItsTokensEnd() {
        App app = newApp();
        var issued = audited.createClient(platform, app, "backend");
        String token = token(app, issued.clientId(), issued.secret()).getBody().get("access_token").asText();
        assertThat(audited.setClientDisabled(platform, app, issued.clientId(), true, "integrator left")).isEqualTo(1);
        assertThat(token(app, issued.clientId(), issued.secret()).getStatusCode().value()).isEqualTo(400);
        // the token cache of this instance is cleared with the revoke
        assertThat(createUser(app, token, "dave").getStatusCode().value()).isEqualTo(401);
        audited.setClientDisabled(platform, app, issued.clientId(), false, null);
        assertThat(token(app, issued.clientId(), issued.secret()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void onlyAPlatformAdministratorManagesAppsClientsAndAccounts() {
        App app = testApps.createRoaming();
        String name = "mgmt-appadmin-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        accounts.create(name, "a-long-enough-password", Role.APP_ADMIN);
        Actor appAdmin = new Actor(name, Role.APP_ADMIN.name());
        assertThatThrownBy(() -> audited.createApp(appAdmin, AppNames.forNewApp("mgmt", "nope" + COUNTER.incrementAndGet()),
                AppSettings.defaults())).isInstanceOf(RoamdeskException.class).hasMessageContaining("platform administrator");
        assertThatThrownBy(() -> audited.createClient(appAdmin, app, "x")).hasMessageContaining("platform administrator");
        assertThatThrownBy(() -> audited.setAppEnabled(appAdmin, app, false, "why")).hasMessageContaining("platform administrator");
        assertThatThrownBy(() -> admin.create(appAdmin, "someone-" + COUNTER.incrementAndGet(), Role.SUPPORT, AppScope.ALL))
                .hasMessageContaining("platform administrator");
        // a role claimed in the actor is not enough: the account itself must be a platform administrator
        assertThatThrownBy(() -> admin.list(new Actor(name, Role.PLATFORM_ADMIN.name()))).hasMessageContaining("platform administrator");
        assertThat(apps.byId(app.appId()).orElseThrow().enabled()).isTrue();
        assertThat(credentials.clientList(app.appId())).hasSize(1);
    }

    @Test
    void accountsAreCreatedScopedResetDisabledAndUnlocked() {
        App a = newApp();
        String name = "mgmt-support-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        var created = admin.create(platform, name, Role.SUPPORT, AppScope.of(Set.of(a.appId())));
        assertThat(created.password()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(accounts.mustChangePassword(name)).isTrue();
        var info = admin.list(platform).stream().filter(x -> x.username().equals(name)).findFirst().orElseThrow();
        assertThat(info.scope()).isEqualTo(AppScope.of(Set.of(a.appId())));
        assertThatThrownBy(() -> admin.create(platform, name, Role.SUPPORT, AppScope.ALL)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> admin.create(platform, "bad name", Role.SUPPORT, AppScope.ALL)).hasMessageContaining("1-64");
        assertThatThrownBy(() -> admin.create(platform, "pa-" + COUNTER.incrementAndGet(), Role.PLATFORM_ADMIN,
                AppScope.of(Set.of(a.appId())))).hasMessageContaining("every app");

        var reset = admin.resetPassword(platform, name, "forgot it");
        assertThat(reset.password()).isNotEqualTo(created.password());
        assertThat(accounts.mustChangePassword(name)).isTrue();

        for (int i = 0; i < ConsoleAccounts.MAX_FAILURES; i++) {
            accounts.recordFailure(name);
        }
        assertThat(accounts.loadUserByUsername(name).isAccountNonLocked()).isFalse();
        admin.unlock(platform, name, null);
        assertThat(accounts.loadUserByUsername(name).isAccountNonLocked()).isTrue();
        assertThatThrownBy(() -> admin.unlock(platform, name, null)).hasMessageContaining("not locked");

        assertThatThrownBy(() -> admin.setEnabled(platform, name, false, "")).hasMessageContaining("reason");
        var before = new io.roamdesk.audit.Actor(name, "SUPPORT");
        var chat = io.roamdesk.roaming.ConversationRef.of("alice", io.roamdesk.roaming.ChatType.CHAT, "bob");
        audited.revealContent(before, a, chat, "TICKET-1 while still employed", 30);
        admin.setEnabled(platform, name, false, "left the company");
        assertThat(accounts.loadUserByUsername(name).isEnabled()).isFalse();
        // a tab left open is no way around it: every audited change asks for the account's apps again
        assertThatThrownBy(() -> audited.revealContent(before, a, chat, "TICKET-2 after leaving", 30))
                .hasMessageContaining("Could not find application");
        assertThatThrownBy(() -> admin.setEnabled(platform, platform.name(), false, "oops")).hasMessageContaining("your own");

        var events = audit.page(new AuditQuery(null, null, platform.name(), null, null, null), null, 50);
        assertThat(events).extracting(e -> e.action()).contains("ACCOUNT_CREATE", "ACCOUNT_PASSWORD_RESET", "ACCOUNT_UNLOCK",
                "ACCOUNT_DISABLE", "APP_CREATE");
        assertThat(events).filteredOn(e -> e.action().equals("ACCOUNT_DISABLE") && e.outcome().equals("SUCCESS"))
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("left the company"));
        assertThat(events.toString()).doesNotContain(created.password()).doesNotContain(reset.password());
    }

    @Test
    void aSettingChangeRecordsTheOldValueTheChangeRead() {
        App app = newApp();
        audited.changeSetting(platform, app.appId(), app.settingsVersion(), Setting.CONVERSATION_CAP, "50", "smaller");
        var event = audit.page(new AuditQuery(null, null, platform.name(), io.roamdesk.audit.AuditAction.SETTING_CHANGE,
                app.appId(), null), null, 5).get(0);
        assertThat(event.params()).contains("\"old\"").contains("100").contains("50");
    }

    @Test
    void theDemoAccountsActOnEveryAppButTheScopedSupportAccount(@Autowired AppAccess access) {
        App roaming = apps.find(new AppKey("demo", "roaming")).orElseThrow();
        App plain = apps.find(new AppKey("demo", "plain")).orElseThrow();
        for (String name : new String[] {"support", "admin", "auditor", "platform"}) {
            assertThat(access.scopeOf(name)).as(name).isEqualTo(AppScope.ALL);
        }
        assertThat(access.visibleApps("support-roaming")).extracting(App::appId).containsExactly(roaming.appId());
        assertThat(access.find("support-roaming", plain.key())).isEmpty();
    }
}
