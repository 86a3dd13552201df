package io.roamdesk.api;

import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.util.ReflectionTestUtils;

@IntegrationTest
class RoamingApiTest {

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    GroupService groups;
    @Autowired
    RateLimits rateLimits;

    private String send(App app, String token, String from, String to, String text) {
        var r = api.call(HttpMethod.POST, base(app) + "/messages/users", token, """
                {"from":"%s","to":["%s"],"type":"txt","body":{"msg":"%s"},"ext":{"k":"v"}}""".formatted(from, to, text));
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        return r.getBody().get("data").get(to).asText();
    }

    private List<String> history(App app, String token, String owner, String type, String conv, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            var r = api.get(base(app) + "/users/" + owner + "/user_channels/" + type + "/" + conv
                    + "/messages?pageSize=" + pageSize + "&cursor=" + cursor, token);
            assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
            JsonNode data = r.getBody().get("data");
            data.get("msgs").forEach(m -> ids.add(m.get("msg_id").asText()));
            cursor = data.get("next_key").asText();
            assertThat(data.get("is_last").asBoolean()).isEqualTo(cursor.isEmpty());
        } while (!cursor.isEmpty());
        return ids;
    }

    private List<String> channels(App app, String token, String owner) {
        var r = api.get(base(app) + "/users/" + owner + "/user_channels/page?pageNum=1&pageSize=50", token);
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.getBody().get("data").get("channel_infos").forEach(c -> out.add(c.get("channel_id").asText()));
        return out;
    }

    @Test
    void sendListPageAndDeleteThroughTheVendorShapes() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withRestInList(true));
        String token = api.token(app);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(send(app, token, "alice", "bob", "hello " + i));
        }
        assertThat(channels(app, token, "bob")).containsExactly("alice");
        var page = api.get(base(app) + "/users/bob/user_channels/page?pageNum=1&pageSize=20", token);
        JsonNode meta = page.getBody().get("data").get("channel_infos").get(0).get("meta");
        assertThat(meta.get("msg_id").asText()).isEqualTo(sent.get(6));
        assertThat(meta.get("payload").get("bodies").get(0).get("msg").asText()).isEqualTo("hello 6");
        assertThat(meta.get("payload").get("ext").get("k").asText()).isEqualTo("v");

        List<String> newestFirst = new ArrayList<>(sent);
        java.util.Collections.reverse(newestFirst);
        assertThat(history(app, token, "bob", "chat", "alice", 3)).isEqualTo(newestFirst);

        var del = api.call(HttpMethod.DELETE, base(app) + "/rest/message/roaming/chat/user/bob?userId=alice&msgIdList="
                + sent.get(0) + "," + sent.get(1), token, null);
        assertThat(del.getStatusCode().value()).isEqualTo(200);
        assertThat(del.getBody().get("requestStatusCode").asText()).isEqualTo("ok");
        assertThat(history(app, token, "bob", "chat", "alice", 50)).hasSize(5);
        assertThat(history(app, token, "alice", "chat", "bob", 50)).hasSize(7);

        var conv = api.call(HttpMethod.DELETE, base(app) + "/users/alice/user_channel", token,
                "{\"channel\":\"bob\",\"type\":\"chat\",\"delete_roam\":true}");
        assertThat(conv.getStatusCode().value()).isEqualTo(200);
        assertThat(conv.getBody().get("data").get("result").asText()).isEqualTo("ok");
        assertThat(channels(app, token, "alice")).isEmpty();
        assertThat(channels(app, token, "bob")).isEmpty();
        assertThat(history(app, token, "bob", "chat", "alice", 50)).isEmpty();
    }

    @Test
    void theOlderSendFormAnswersMessageIdsWhenAsked() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        groups.createGroup(app, "team", "Team", "alice", List.of("bob"));
        var r = api.call(HttpMethod.POST, base(app) + "/messages?useMsgId=true", token, """
                {"from":"alice","target_type":"chatgroups","target":["team"],"msg":{"type":"txt","msg":"hi team"},"ext":{}}""");
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        String id = r.getBody().get("data").get("team").asText();
        assertThat(id).matches("\\d+");
        assertThat(history(app, token, "bob", "groupchat", "team", 20)).containsExactly(id);
        var plain = api.call(HttpMethod.POST, base(app) + "/messages", token, """
                {"from":"alice","target_type":"users","target":["bob"],"msg":{"type":"txt","msg":"hi"}}""");
        assertThat(plain.getBody().get("data").get("bob").asText()).isEqualTo("success");
    }

    @Test
    void theGatewayIngestsSdkMessagesWithItsOwnSecret() {
        App app = testApps.createRoaming();
        String body = "{\"from\":\"alice\",\"chat_type\":\"chat\",\"to\":\"bob\",\"type\":\"txt\",\"body\":{\"msg\":\"via sdk\"}}";
        var refused = api.call(HttpMethod.POST, "/internal" + base(app) + "/messages", null, body);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        var ok = gateway(app, body);
        assertThat(ok.getStatusCode().value()).as(ok.toString()).isEqualTo(200);
        // a token of the app is not the gateway's credential
        assertThat(api.call(HttpMethod.POST, "/internal" + base(app) + "/messages", api.token(app), body)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(history(app, api.token(app), "bob", "chat", "alice", 20)).containsExactly(ok.getBody().get("msg_id").asText());
    }

    private ResponseEntity<JsonNode> gateway(App app, String body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        headers.set("X-Gateway-Secret", IntegrationTest.GATEWAY_SECRET);
        return http.exchange("/internal" + base(app) + "/messages", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(body, headers), JsonNode.class);
    }

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @Test
    void withoutAValidTokenCallsAre401AndUnknownAppsAre404() {
        App app = testApps.createRoaming();
        String path = base(app) + "/users/alice/user_channels/page";
        assertThat(api.get(path, null).getStatusCode().value()).isEqualTo(401);
        assertThat(api.get(path, "YWMt-not-a-token").getBody().get("error").asText()).isEqualTo("unauthorized");
        App other = testApps.createRoaming();
        assertThat(api.get(path, api.token(other)).getStatusCode().value()).as("token of another app").isEqualTo(401);
        var unknown = api.get("/test/no-such-app/users/alice/user_channels/page", api.token(app));
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("error").asText()).isEqualTo("organization_application_not_found");
    }

    @Test
    void roamingOffAnswersTheVendorMessageOnEveryRoamingCall() {
        App app = testApps.create(AppSettings.defaults());
        String token = api.token(app);
        send(app, token, "alice", "bob", "stored");
        List<ResponseEntity<JsonNode>> answers = List.of(
                api.get(base(app) + "/users/alice/user_channels/page", token),
                api.get(base(app) + "/users/alice/user_channels", token),
                api.get(base(app) + "/users/alice/user_channels/legacy", token),
                api.get(base(app) + "/users/alice/user_channels/chat/bob/messages", token),
                api.call(HttpMethod.DELETE, base(app) + "/users/alice/user_channel", token,
                        "{\"channel\":\"bob\",\"type\":\"chat\",\"delete_roam\":true}"),
                api.call(HttpMethod.DELETE, base(app) + "/rest/message/roaming/chat/user/alice/time?userId=bob&delTime="
                        + System.currentTimeMillis(), token, null),
                api.call(HttpMethod.POST, base(app) + "/rest/message/roaming/user/alice/delete/all", token, null));
        for (var r : answers) {
            assertThat(r.getStatusCode().value()).isEqualTo(400);
            assertThat(r.getBody().get("error_description").asText()).isEqualTo("this appKey not open message roaming");
        }
    }

    @Test
    void fiftyIsTheLimitForPagesAndDeletedIds() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        String id = send(app, token, "alice", "bob", "x");
        assertThat(api.get(base(app) + "/users/alice/user_channels/chat/bob/messages?pageSize=50", token)
                .getStatusCode().value()).isEqualTo(200);
        var tooBig = api.get(base(app) + "/users/alice/user_channels/chat/bob/messages?pageSize=51", token);
        assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
        assertThat(tooBig.getBody().get("error").asText()).isEqualTo("illegal_argument");
        String fiftyOne = String.join(",", java.util.Collections.nCopies(51, id));
        var tooMany = api.call(HttpMethod.DELETE, base(app) + "/rest/message/roaming/chat/user/alice?userId=bob&msgIdList="
                + fiftyOne, token, null);
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMany.getBody().get("error_description").asText())
                .isEqualTo("delete msg list limit can not greater than 50");
        assertThat(history(app, token, "alice", "chat", "bob", 50)).containsExactly(id);
    }

    @Test
    void theRateLimitAnswers429WithTheVendorBody() {
        App app = testApps.createRoaming();
        App other = testApps.createRoaming();
        String token = api.token(app);
        String otherToken = api.token(other);
        // this app alone gets a limit of 2 calls per minute (the production limiter, a lower limit)
        RateLimiterRegistry registry = (RateLimiterRegistry) ReflectionTestUtils.getField(rateLimits, "registry");
        registry.rateLimiter(Long.toString(app.appId()), RateLimiterConfig.custom().limitForPeriod(2)
                .limitRefreshPeriod(java.time.Duration.ofMinutes(1)).timeoutDuration(java.time.Duration.ZERO).build());
        send(app, token, "alice", "bob", "first");
        send(app, token, "alice", "bob", "second");
        var refused = api.call(HttpMethod.POST, base(app) + "/messages/users", token, """
                {"from":"alice","to":["bob"],"type":"txt","body":{"msg":"third"}}""");
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/json");
        assertThat(refused.getBody().get("error").asText()).isEqualTo("reach_limit");
        assertThat(refused.getBody().get("error_description").asText())
                .isEqualTo("This request has reached the app's API rate limit; retry later");
        assertThat(api.get(base(app) + "/users/alice/user_channels/page", token).getStatusCode().value())
                .as("reads are limited too").isEqualTo(429);
        // the refused send wrote nothing, and another app is not limited by this one's calls
        assertThat(history(other, otherToken, "alice", "chat", "bob", 50)).isEmpty();
        var mine = api.call(HttpMethod.POST, base(other) + "/messages/users", otherToken, """
                {"from":"alice","to":["bob"],"type":"txt","body":{"msg":"other app"}}""");
        assertThat(mine.getStatusCode().value()).isEqualTo(200);
        registry.remove(Long.toString(app.appId()));
        assertThat(history(app, token, "alice", "chat", "bob", 50)).as("only the two allowed sends").hasSize(2);
    }
}
