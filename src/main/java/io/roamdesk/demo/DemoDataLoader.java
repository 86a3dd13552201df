package io.roamdesk.demo;

import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import io.roamdesk.security.ConsoleAccounts;
import io.roamdesk.security.DemoAccounts;
import io.roamdesk.security.Role;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the documented demo data once (skipped when {@code demo#roaming} exists). Only active with
 * {@code roamdesk.demo.enabled=true}, which the embedded dev run and the tests set and production
 * never does by default.
 */
@Component
@ConditionalOnProperty(name = "roamdesk.demo.enabled", havingValue = "true")
@org.springframework.core.annotation.Order(0) // before the first-administrator check, which looks for accounts
class DemoDataLoader implements ApplicationRunner {

    static final AppKey ROAMING_APP = new AppKey("demo", "roaming");
    static final AppKey PLAIN_APP = new AppKey("demo", "plain");
    static final String CLIENT_ID = ApiCredentials.DEMO_CLIENT_ID;
    static final String CLIENT_SECRET = "roamdesk-demo-secret";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final AppService apps;
    private final ApiCredentials credentials;
    private final ConsoleAccounts accounts;
    private final DataSetGenerator generator;
    private final Clock clock;

    private final io.roamdesk.app.AppAccess access;

    DemoDataLoader(AppService apps, ApiCredentials credentials, ConsoleAccounts accounts,
            DataSetGenerator generator, Clock clock, io.roamdesk.app.AppAccess access) {
        this.access = access;
        this.apps = apps;
        this.credentials = credentials;
        this.accounts = accounts;
        this.generator = generator;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (apps.find(ROAMING_APP).isPresent()) {
            log.info("Demo data already present");
            return;
        }
        AppSettings on = AppSettings.defaults().withRoaming(true).withOneWayDelete(true);
        App roaming = apps.createApp(ROAMING_APP, on);
        App plain = apps.createApp(PLAIN_APP, AppSettings.defaults());
        credentials.createClient(roaming.appId(), CLIENT_ID, CLIENT_SECRET, "demo client");
        credentials.createClient(plain.appId(), CLIENT_ID, CLIENT_SECRET, "demo client");
        DemoAccounts.PASSWORDS.forEach((name, password) -> createAccount(name, password, DemoAccounts.ROLES.get(name)));
        // one account of one app shows app scoping; every other demo account acts on every app
        access.setScope(DemoAccounts.SCOPED_SUPPORT, io.roamdesk.app.AppScope.of(java.util.Set.of(roaming.appId())));
        // anchored a minute back so that live ids, taken from now on, sort after every demo message
        long anchor = clock.millis() - Duration.ofMinutes(1).toMillis();
        generator.generate(roaming.appId(), DataSetSpec.demo(), anchor);
        generator.generate(plain.appId(), DataSetSpec.small(7L, 20, 2_000, 30), anchor);
    }

    private void createAccount(String username, String password, Role role) {
        if (!accounts.exists(username)) {
            accounts.create(username, password, role);
        }
    }
}
