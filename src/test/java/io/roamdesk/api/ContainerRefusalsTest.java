package io.roamdesk.api;

import static io.roamdesk.jooq.Tables.API_TOKEN;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.app.App;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that the servlet container refuses, or that ask for another format, written byte for
 * byte on a socket: every answer is the vendor's JSON error (never Tomcat's HTML page, an empty
 * body, a redirect to the console or a 500), and nothing is stored that is not handed out.
 */
@IntegrationTest
class ContainerRefusalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestApps testApps;
    @Autowired
    Api api;
    @Autowired
    DSLContext db;

    private record Answer(int status, String head, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private Answer raw(String request) throws IOException {
        return raw(request.getBytes(StandardCharsets.UTF_8));
    }

    private Answer raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static String get(String path, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + String.join("", headers) + "\r\n";
    }

    private void assertVendorError(Answer a, int status) throws IOException {
        assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(status);
        assertThat(a.head().toLowerCase()).contains("content-type: application/json");
        assertThat(a.json().path("error").asText()).as(a.body()).isNotBlank();
        assertThat(a.json().has("error_description")).isTrue();
    }

    @Test
    void pathsTomcatRefusesAnswerInTheVendorsJson() throws IOException {
        for (String bad : new String[] {"a%00b", "a%2Fb", "a%5Cb"}) {
            assertVendorError(raw(get("/demo/roaming/users/" + bad + "/user_channels/page")), 400);
        }
    }

    @Test
    void headersOverTheLimitAnswerInTheVendorsJson() throws IOException {
        String huge = "X-Huge: " + "a".repeat(9_000) + "\r\n";
        assertVendorError(raw(get("/demo/roaming/users/alice/user_channels/page", huge)), 400);
    }

    @Test
    void unknownMethodsAreRefusedAsMethodNotAllowed() throws IOException {
        Answer a = raw("CONNECT /demo/roaming/users/alice/user_channels/page HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        // Tomcat answers CONNECT itself (501 Not Implemented), before any filter
        assertThat(a.status()).as(a.head()).isIn(405, 501);
        assertVendorError(a, a.status());
        assertThat(a.json().path("error").asText()).isEqualTo("method_not_allowed");
        Answer propfind = raw("PROPFIND /demo/roaming/users/alice/user_channels/page HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertVendorError(propfind, 405);
        assertThat(propfind.json().path("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void aControlCharacterInAFormParameterNameIsA400() throws IOException {
        byte[] body = "a\u0001b=1".getBytes(StandardCharsets.UTF_8);
        String head = "POST /demo/roaming/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        Answer a = raw(request.toByteArray());
        assertThat(a.status()).as(a.body()).isBetween(400, 499);
        assertVendorError(a, a.status());
    }

    @Test
    void aSendAskingForXmlIsAnsweredInJsonAndHandsOutTheIdItStored() throws IOException {
        App app = testApps.createRoaming();
        String token = api.token(app);
        String body = "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"hi\"}}";
        Answer a = raw("POST " + base(app) + "/messages/users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\nAccept: application/xml\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        assertThat(a.status()).as(a.head()).isEqualTo(200);
        assertThat(a.json().path("data").path("bob").asText()).isNotBlank();
        assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()))).isEqualTo(1);
    }

    @Test
    void aTokenRequestAskingForHtmlGetsItsTokenInJson() throws IOException {
        App app = testApps.createRoaming();
        String body = "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + TestApps.CLIENT_ID
                + "\",\"client_secret\":\"" + TestApps.CLIENT_SECRET + "\"}";
        Answer a = raw("POST " + base(app) + "/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Accept: text/html\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(a.status()).as(a.head()).isEqualTo(200);
        assertThat(a.json().path("access_token").asText()).startsWith("YWMt");
        assertThat(db.fetchCount(API_TOKEN, API_TOKEN.APP_ID.eq(app.appId()))).isEqualTo(1);
    }
}
