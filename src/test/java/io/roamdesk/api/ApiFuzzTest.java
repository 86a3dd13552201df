package io.roamdesk.api;

import static io.roamdesk.jooq.Tables.API_TOKEN;
import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.app.App;
import io.roamdesk.core.Sha256;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ten thousand generated hostile requests over every API route: each starts from a valid request
 * and gets one or more defects (a hostile path segment or query value, a broken or mistyped body,
 * a huge body, a wrong method, an odd content type, a forged, expired or foreign token). No
 * answer is a 5xx; every refusal is the vendor's JSON with a stable error code; and every write
 * carries at least one defect, so no table but the audit trail may change.
 */
@IntegrationTest
class ApiFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final Pattern STABLE_CODE = Pattern.compile("[a-z_]{3,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Never a valid username or group id (1-64 of a-z 0-9 _ - .). */
    private static final List<String> HOSTILE_NAMES = List.of("%00", "a%00b", "%01x", "x%7F", "%2F", "a%2Fb", "%5C",
            "..%2F..", "%F0%9F%98%80", "a%F0%9F%98%80b", "%27%20OR%201%3D1%20--", "1%3BDROP%20TABLE%20message",
            "%E5%90%8D%E5%AD%97", "x".repeat(300), "%25", "%22%3E%3Cscript%3E", "%0D%0ASet-Cookie%3Ax", "%20");
    /** Never a valid page size, page number, id or time. */
    private static final List<String> HOSTILE_NUMBERS = List.of("-1", "NaN", "x", "1.5", "99999999999999999999", "%00",
            "%F0%9F%98%80", "1%3BDROP%20TABLE%20message", "0x10", "%20");
    private static final List<String> BROKEN_BODIES = List.of("{", "[", "]", "{\"a\":}", "nul", "\u0000", "{\"from\":\"alice\"",
            "{\"from\":\"alice\u0001\"}", "\"\\ud800\"", "{}}", "<xml/>", "a=1&b=2", "[1,2,3]", "42", "true", "\"text\"");

    @LocalServerPort
    int port;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    Api api;
    @Autowired
    DSLContext db;

    private record Route(String method, String path, String body, boolean writes) {
    }

    private record Fuzzed(String method, String path, String body, String contentType, String token, String what,
            boolean writes) {
    }

    @Test
    void tenThousandHostileRequestsGetNoServerErrorOnlyVendorJsonRefusalsAndChangeNoData() throws Exception {
        App app = testApps.createRoaming();
        App other = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        long id = chats.text(app, "alice", "bob", "hello");
        chats.toGroup(app, "bob", "team", "hi team");
        String token = api.token(app);
        String foreign = api.token(other);
        String expired = expiredToken(app);
        String b = base(app);
        String r = b + "/rest/message/roaming";
        String send = "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}";
        List<Route> routes = List.of(
                new Route("GET", b + "/users/{u}/user_channels/page?pageNum={n}&pageSize={n}", null, false),
                new Route("GET", b + "/users/{u}/user_channels?limit={n}&cursor={s}", null, false),
                new Route("GET", b + "/users/{u}/user_channels/legacy", null, false),
                new Route("GET", b + "/users/{u}/user_channels/{t}/{u}/messages?pageSize={n}&direction={s}&startId={n}", null, false),
                new Route("DELETE", b + "/users/{u}/user_channel", "{\"channel\":\"bob\",\"type\":\"chat\",\"delete_roam\":true}", true),
                new Route("POST", b + "/messages/users", send, true),
                new Route("POST", b + "/messages/chatgroups", "{\"from\":\"bob\",\"to\":[\"team\"],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}", true),
                new Route("POST", b + "/messages", "{\"from\":\"alice\",\"target_type\":\"users\",\"target\":[\"bob\"],\"msg\":{\"type\":\"txt\",\"msg\":\"x\"}}", true),
                new Route("DELETE", r + "/chat/user/{u}?userId={u}&msgIdList=" + id, null, true),
                new Route("DELETE", r + "/group/user/{u}?groupId={u}&msgIdList=" + id, null, true),
                new Route("DELETE", r + "/chat/user/{u}/time?userId={u}&delTime={n}", null, true),
                new Route("DELETE", r + "/group/user/{u}/time?groupId={u}&delTime={n}", null, true),
                new Route("POST", r + "/user/{u}/delete/all", null, true),
                new Route("POST", b + "/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\"test-client\",\"client_secret\":\"test-secret\"}", true),
                new Route("POST", b + "/messages/msg_recall", "{\"msg_id\":\"" + id + "\",\"to\":\"bob\",\"chat_type\":\"chat\",\"from\":\"alice\"}", true),
                new Route("POST", b + "/messages/recall", "{\"msgs\":[{\"msg_id\":\"" + id + "\",\"to\":\"bob\",\"chat_type\":\"chat\"}]}", true),
                new Route("POST", "/internal" + b + "/messages", send, true),
                new Route("POST", "/internal" + b + "/messages/batch", "[" + send + "]", true),
                new Route("POST", "/internal" + b + "/groups", "{\"group_id\":\"g2\",\"name\":\"G\",\"owner\":\"alice\",\"members\":[\"bob\"]}", true),
                new Route("POST", "/internal" + b + "/groups/team/members", "{\"members\":[\"dave\"]}", true),
                new Route("DELETE", "/internal" + b + "/groups/team/members", "{\"members\":[\"carol\"]}", true));

        Map<String, Long> before = rowCounts();
        Random random = new Random(20261201L);
        List<Fuzzed> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(fuzz(routes.get(i % routes.size()), random, token, foreign, expired));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> codes = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Fuzzed f : requests) {
                done.add(pool.submit(() -> {
                    String problem = check(client, f, codes);
                    answered.incrementAndGet();
                    if (problem != null) {
                        failures.add(problem);
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("answers that were a 5xx or not the vendor's JSON refusal").isEmpty();
        assertThat(answered.get()).isEqualTo(REQUESTS);
        assertThat(new TreeMap<>(codes).keySet()).as("refusals seen")
                .contains("illegal_argument", "unauthorized", "resource_not_found", "invalid_request_body");
        assertThat(rowCounts()).as("rows of every table but the audit trail").isEqualTo(before);
    }

    private Fuzzed fuzz(Route route, Random random, String token, String foreign, String expired) {
        String path = route.path().replace("{t}", "chat");
        String body = route.body();
        String method = route.method();
        String contentType = "application/json";
        String useToken = token;
        List<String> what = new ArrayList<>();
        boolean defect = false;
        // fill the placeholders, each valid or hostile
        while (path.contains("{u}") || path.contains("{n}") || path.contains("{s}")) {
            boolean hostile = random.nextInt(3) == 0;
            String slot = path.contains("{u}") ? "{u}" : path.contains("{n}") ? "{n}" : "{s}";
            String valid = slot.equals("{u}") ? "alice" : slot.equals("{n}") ? "1" : "";
            List<String> pool = slot.equals("{n}") ? HOSTILE_NUMBERS : HOSTILE_NAMES;
            String value = hostile ? pool.get(random.nextInt(pool.size())) : valid;
            if (hostile && !(slot.equals("{s}") && route.writes())) {
                defect |= !slot.equals("{s}");
                what.add("hostile " + slot);
            }
            path = path.replaceFirst(Pattern.quote(slot), value);
        }
        int extra = random.nextInt(8);
        switch (extra) {
            case 0 -> {
                body = BROKEN_BODIES.get(random.nextInt(BROKEN_BODIES.size()));
                defect |= route.body() != null;
                what.add("broken body");
            }
            case 1 -> {
                body = route.body() == null ? "{\"x\":1}" : mistyped(route.body(), random);
                defect |= route.body() != null;
                what.add("mistyped body");
            }
            case 2 -> {
                // now and then a megabyte, usually less: ten thousand requests stay quick
                body = "{\"from\":\"" + "x".repeat(random.nextInt(10) == 0 ? 1024 * 1024 : 20_000) + "\"}";
                defect |= route.body() != null;
                what.add("huge body");
            }
            case 3 -> {
                // (TRACE is left out: see docs/reliability.md, "Not covered yet")
                method = List.of("PUT", "PATCH", "GET", "DELETE", "POST", "PROPFIND", "OPTIONS").get(random.nextInt(7));
                defect |= !method.equals(route.method());
                what.add("method " + method);
            }
            case 4 -> {
                useToken = List.of("", "YWMt" + Long.toHexString(random.nextLong()), foreign, expired, "Bearer",
                        "%00").get(random.nextInt(6));
                defect |= !route.path().contains("/token") && !route.path().startsWith("/internal");
                what.add("bad token");
            }
            case 5 -> {
                contentType = List.of("application/xml", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded").get(random.nextInt(3));
                body = route.body() == null ? body : "a\u0001b=1&" + URLEncoder.encode(route.body(), StandardCharsets.UTF_8);
                defect |= route.body() != null;
                what.add("content type " + contentType);
            }
            default -> what.add("placeholders only");
        }
        if (route.writes() && !defect) {
            // a write must never go through: spoil the body or, without one, the token
            if (route.body() != null && !"GET".equals(method)) {
                body = "{\"from\":[1],\"to\":{},\"type\":7,\"channel\":[],\"members\":\"x\",\"grant_type\":null}";
                what.add("spoiled body");
            } else {
                useToken = "YWMt" + Long.toHexString(random.nextLong());
                what.add("forged token");
            }
        }
        return new Fuzzed(method, path, body, contentType, useToken, String.join(", ", what), route.writes());
    }

    private static String mistyped(String body, Random random) {
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body.startsWith("[")
                    ? body.substring(1, body.length() - 1) : body);
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                switch (random.nextInt(4)) {
                    case 0 -> node.put(field, 12345);
                    case 1 -> node.putArray(field).add("x\u0000");
                    case 2 -> node.putObject(field).put("nested", "😀");
                    default -> node.putNull(field);
                }
            }
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String check(HttpClient client, Fuzzed f, Map<String, AtomicInteger> codes) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + f.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(f.method(), f.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(f.body()));
        } catch (IllegalArgumentException e) {
            return "could not even build " + f;
        }
        if (f.body() != null) {
            request.header("Content-Type", f.contentType());
        }
        if (f.token() != null && !f.token().isEmpty()) {
            request.header("Authorization", "Bearer " + f.token());
        }
        try {
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status >= 500) {
                return status + " for " + f + ": " + answer.body();
            }
            if (status < 300 && f.writes() && !"OPTIONS".equals(f.method())) {
                return status + ": a write with a defect went through: " + f + ": " + answer.body();
            }
            if (status >= 400) {
                if ("HEAD".equals(f.method())) {
                    return null;
                }
                JsonNode json = JSON.readTree(answer.body());
                String code = json.path("error").asText("");
                if (!STABLE_CODE.matcher(code).matches() || !json.has("error_description")) {
                    return status + " without a vendor error body for " + f + ": " + answer.body();
                }
                codes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        } catch (Exception e) {
            return e + " for " + f;
        }
    }

    private String expiredToken(App app) {
        String token = "YWMtexpired" + System.nanoTime();
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.APP_ID, app.appId())
                .set(API_TOKEN.TOKEN_HASH, Sha256.hex(token))
                .set(API_TOKEN.CLIENT_ID, TestApps.CLIENT_ID)
                .set(API_TOKEN.ISSUED_AT, System.currentTimeMillis() - 7_200_000)
                .set(API_TOKEN.EXPIRES_AT, System.currentTimeMillis() - 3_600_000)
                .execute();
        return token;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Table<?> table : io.roamdesk.jooq.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            String name = table.getName();
            if (!name.startsWith("audit_") && !name.equals("worker_lease") && !name.equals("flyway_schema_history")) {
                counts.put(name, (long) db.fetchCount(table));
            }
        }
        return counts;
    }
}
