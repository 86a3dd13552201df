package io.roamdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class TokenApiTest {

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    @Test
    void theDemoClientGetsAnExpiringTokenForBothDemoApps() {
        for (String app : new String[] {"roaming", "plain"}) {
            var r = post("/demo/" + app + "/token", """
                    {"grant_type":"client_credentials","client_id":"roamdesk-demo","client_secret":"roamdesk-demo-secret"}""");
            assertThat(r.getStatusCode().value()).isEqualTo(200);
            assertThat(r.getBody().get("access_token").asText()).hasSizeGreaterThan(30);
            assertThat(r.getBody().get("expires_in").asLong()).isEqualTo(7 * 24 * 3600);
        }
    }

    @Test
    void aRequestedTtlIsHonoured() {
        var r = post("/demo/roaming/token", """
                {"grant_type":"client_credentials","client_id":"roamdesk-demo","client_secret":"roamdesk-demo-secret","ttl":60}""");
        assertThat(r.getBody().get("expires_in").asLong()).isEqualTo(60);
    }

    @Test
    void wrongCredentialsUnknownAppsAndBadBodiesGetTheVendorErrors() {
        Map<String, String[]> cases = Map.of(
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"roamdesk-demo\",\"client_secret\":\"nope\"}",
                new String[] {"400", "invalid_grant"},
                "{\"grant_type\":\"password\",\"client_id\":\"roamdesk-demo\",\"client_secret\":\"x\"}",
                new String[] {"400", "illegal_argument"},
                "{\"grant_type\":\"client_credentials\",\"client_secret\":\"x\"}",
                new String[] {"400", "illegal_argument"},
                "{\"grant_type\":\"client_credentials\",\"client_id\":7,\"client_secret\":\"x\"}",
                new String[] {"400", "illegal_argument"},
                "{not json", new String[] {"400", "invalid_request_body"},
                "[1,2]", new String[] {"400", "invalid_request_body"});
        cases.forEach((body, expected) -> {
            var r = post("/demo/roaming/token", body);
            assertThat(r.getStatusCode().value()).as(body).isEqualTo(Integer.parseInt(expected[0]));
            assertThat(r.getBody().get("error").asText()).as(body).isEqualTo(expected[1]);
            assertThat(r.getBody().has("error_description")).isTrue();
            assertThat(r.getBody().has("timestamp")).isTrue();
        });
        var unknown = post("/demo/no-such-app/token",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"roamdesk-demo\",\"client_secret\":\"roamdesk-demo-secret\"}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("error").asText()).isEqualTo("organization_application_not_found");
    }
}
