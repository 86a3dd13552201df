package io.roamdesk.ops;

import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The actuator as the load balancer and Prometheus see it, over HTTP. */
@IntegrationTest
class OperationsEndpointsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestApps testApps;
    @Autowired
    io.roamdesk.support.Api api;

    private ResponseEntity<String> get(String path, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void livenessAndReadinessAreUpWithoutAnyCredential() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var r = get(probe, null, null);
            assertThat(r.getStatusCode().value()).as(probe + ": " + r.getBody()).isEqualTo(200);
            assertThat(r.getBody()).as(probe).contains("\"status\":\"UP\"");
            assertThat(r.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session for a probe").isNull();
        }
    }

    @Test
    void prometheusIsRefusedWithoutTheCredentialOrWithAWrongOne() {
        var none = get("/actuator/prometheus", null, null);
        assertThat(none.getStatusCode().value()).as(none.getHeaders() + "\n" + none.getBody()).isEqualTo(401);
        assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(get("/actuator/prometheus", "prometheus", "wrong").getStatusCode().value()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "someone", IntegrationTest.METRICS_PASSWORD).getStatusCode().value())
                .isEqualTo(401);
        // a console account is no metrics credential
        assertThat(get("/actuator/prometheus", "admin", "admin-demo").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void otherActuatorEndpointsAreNotServed() {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator"}) {
            int status = get(path, "prometheus", IntegrationTest.METRICS_PASSWORD).getStatusCode().value();
            assertThat(status).as(path).isIn(403, 404);
        }
    }

    @Test
    void prometheusServesTheCustomCountersAndTheIngestCounterMovesAfterASend() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        double before = ingestedRest(scrape());
        var sent = api.call(HttpMethod.POST, base(app) + "/messages/users", token, """
                {"from":"ops-a","to":["ops-b","ops-c"],"type":"txt","body":{"msg":"hello"}}""");
        assertThat(sent.getStatusCode().value()).as(sent.toString()).isEqualTo(200);
        String after = scrape();
        assertThat(ingestedRest(after)).isEqualTo(before + 2);
        assertThat(after).contains("roamdesk_deletions_total{application=\"roamdesk\",kind=\"one_way_ids\"}",
                "roamdesk_deletions_for_all_messages_total", "roamdesk_audit_events_total",
                "roamdesk_console_sign_in_failures_total", "roamdesk_console_lockouts_total",
                "http_server_requests_seconds_count");
        // Spring Security's per-filter observations are off: they cost a tenth of the request CPU
        assertThat(after).doesNotContain("spring_security_");
    }

    @Test
    void aOneWayDeleteMovesTheDeletionCounterOfItsKind() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        var sent = api.call(HttpMethod.POST, base(app) + "/messages/users", token, """
                {"from":"del-a","to":["del-b"],"type":"txt","body":{"msg":"hello"}}""");
        String id = sent.getBody().get("data").get("del-b").asText();
        double before = counter(scrape(), "roamdesk_deletions_total", "kind=\"one_way_ids\"");
        var deleted = api.call(HttpMethod.DELETE, base(app) + "/rest/message/roaming/chat/user/del-a?userId=del-b&msgIdList="
                + id, token, null);
        assertThat(deleted.getStatusCode().value()).as(deleted.toString()).isEqualTo(200);
        assertThat(counter(scrape(), "roamdesk_deletions_total", "kind=\"one_way_ids\"")).isEqualTo(before + 1);
    }

    private String scrape() {
        var r = get("/actuator/prometheus", "prometheus", IntegrationTest.METRICS_PASSWORD);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        return r.getBody();
    }

    private static double ingestedRest(String scrape) {
        return counter(scrape, "roamdesk_messages_ingested_total", "origin=\"rest\"");
    }

    private static double counter(String scrape, String name, String tag) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(tag) + "[^}]*} (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(name + " with " + tag + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
