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

    /**
     * A request exactly as given, through the JDK's client, which adds no Content-Type of its own
     * ({@code contentType} null sends none).
     */
    public ResponseEntity<JsonNode> raw(String method, String path, String token, String contentType, String body) {
        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            var r = RAW.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = r.body().isEmpty() ? null : MAPPER.readTree(r.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                parsed = MAPPER.getNodeFactory().textNode(r.body());
            }
            HttpHeaders headers = new HttpHeaders();
            r.headers().map().forEach(headers::addAll);
            return new ResponseEntity<>(parsed, headers, org.springframework.http.HttpStatusCode.valueOf(r.statusCode()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient RAW = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    public ResponseEntity<JsonNode> get(String path, String token) {
        return call(HttpMethod.GET, path, token, null);
    }

    public static String base(App app) {
        return "/" + app.key().org() + "/" + app.key().app();
    }
}
