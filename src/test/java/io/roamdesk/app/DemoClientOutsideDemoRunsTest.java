package io.roamdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.core.RoamdeskException;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A database that once held the demo data still has the demo client; an instance started without
 * demo mode must refuse it (new grants and tokens issued during the demo run alike).
 */
@IntegrationTest
class DemoClientOutsideDemoRunsTest {

    private static final String DEMO_SECRET = "roamdesk-demo-secret";

    @Autowired
    TestApps testApps;
    @Autowired
    ApiClientRepository apiClients;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;

    @Test
    void theDemoClientGetsNoTokenAndItsOldTokensStopWorkingOutsideDemoRuns() {
        App app = testApps.createRoaming();
        ApiCredentials demoRun = new ApiCredentials(apiClients, encoder, clock, true);
        ApiCredentials production = new ApiCredentials(apiClients, encoder, clock, false);
        demoRun.createClient(app.appId(), ApiCredentials.DEMO_CLIENT_ID, DEMO_SECRET, "demo client");
        String issuedInDemo = demoRun.issueToken(app, ApiCredentials.DEMO_CLIENT_ID, DEMO_SECRET, 0).accessToken();
        assertThat(demoRun.verify(app, issuedInDemo)).contains(ApiCredentials.DEMO_CLIENT_ID);

        assertThatThrownBy(() -> production.issueToken(app, ApiCredentials.DEMO_CLIENT_ID, DEMO_SECRET, 0))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.code()).isEqualTo("invalid_grant"));
        assertThat(production.verify(app, issuedInDemo)).isEmpty();
        String ordinary = production.issueToken(app, TestApps.CLIENT_ID, TestApps.CLIENT_SECRET, 0).accessToken();
        assertThat(production.verify(app, ordinary)).as("other clients are unaffected").contains(TestApps.CLIENT_ID);
    }
}
