package io.roamdesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A small HTTP client for the REST API as an app back end would call it. */

public class Api {

    private final TestRestTemplate http;

    Api(TestRestTemplate http) {
        this.http = http;
    }

    public String token(App app) {
        return token(app.key().org(), app.key().app(), TestApps.CLIENT_ID, TestApps.CLIENT_SECRET);
    }

    public String token(String org, String app, String clientId, String secret) {
        var r = call(HttpMethod.POST, "/" + org + "/" + app + "/token", null, """
                {"grant_type":"client_credentials","client_id":"%s","client_secret":"%s"}""".formatted(clientId, secret));
        return r.getBody().get("access_token").asText();
    }

    public ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<String> raw = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        JsonNode body;
        try {
            body = raw.getBody() == null ? null : MAPPER.readTree(raw.getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON (an HTML error page, say): keep the text so a failing assertion shows it
            body = MAPPER.getNodeFactory().textNode(raw.getBody());
        }
        return new ResponseEntity<>(body, raw.getHeaders(), raw.getStatusCode());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    public ResponseEntity<JsonNode> get(String path, String token) {
        return call(HttpMethod.GET, path, token, null);
    }

    public static String base(App app) {
        return "/" + app.key().org() + "/" + app.key().app();
    }
}
