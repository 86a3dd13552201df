package io.roamdesk.api;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.support.Api.base;
import static io.roamdesk.support.EndUserApi.inherit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.Setting;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** {@code msg_recall} and the SDK's {@code recall} over HTTP: the vendor's shapes, window, force, token scope. */
@IntegrationTest
class RecallApiTest {

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    AppService apps;
    @Autowired
    DSLContext db;

    private ResponseEntity<JsonNode> recall(App app, String token, String body) {
        return api.call(HttpMethod.POST, base(app) + "/messages/msg_recall", token, body);
    }

    private static String body(long msgId, String to, String chatType, String extra) {
        return "{\"msg_id\":\"" + msgId + "\",\"to\":\"" + to + "\",\"chat_type\":\"" + chatType + "\"" + extra + "}";
    }

    private List<String> history(App app, String token, String owner, String type, String conv) {
        var r = api.get(base(app) + "/users/" + owner + "/user_channels/" + type + "/" + conv + "/messages?pageSize=50", token);
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.getBody().path("data").path("msgs").forEach(m -> ids.add(m.path("msg_id").asText()));
        return ids;
    }

    private String latestShown(App app, String token, String owner) {
        var r = api.get(base(app) + "/users/" + owner + "/user_channels/page?pageNum=1&pageSize=20", token);
        return r.getBody().path("data").path("channel_infos").path(0).path("meta").path("msg_id").asText();
    }

    private List<Object> state(App app) {
        return List.of(db.selectFrom(MESSAGE).where(MESSAGE.APP_ID.eq(app.appId())).orderBy(MESSAGE.MSG_ID).fetch().toString(),
                db.selectFrom(CONVERSATION).where(CONVERSATION.APP_ID.eq(app.appId()))
                        .orderBy(CONVERSATION.OWNER, CONVERSATION.CONV_ID).fetch().toString());
    }

    @Test
    void aRecallAnswersTheVendorsShapeAndIsGoneForBothSides() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "alice", "bob", "two");

        var r = recall(app, token, body(m2, "bob", "chat", ",\"from\":\"alice\""));

        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        assertThat(r.getBody().path("action").asText()).isEqualTo("post");
        assertThat(r.getBody().path("path").asText()).endsWith("/messages/msg_recall");
        JsonNode data = r.getBody().path("data");
        assertThat(data.path("recalled").asText()).isEqualTo("yes");
        assertThat(data.path("msg_id").asText()).isEqualTo(Long.toString(m2));
        assertThat(data.path("from").asText()).isEqualTo("alice");
        assertThat(data.path("to").asText()).isEqualTo("bob");
        assertThat(data.path("chattype").asText()).isEqualTo("chat");
        assertThat(history(app, token, "alice", "chat", "bob")).containsExactly(Long.toString(m1));
        assertThat(history(app, token, "bob", "chat", "alice")).containsExactly(Long.toString(m1));
        assertThat(latestShown(app, token, "alice")).isEqualTo(Long.toString(m1));
        assertThat(latestShown(app, token, "bob")).isEqualTo(Long.toString(m1));
        // again: the same answer, nothing changes
        var before = state(app);
        var again = recall(app, token, body(m2, "bob", "chat", ",\"from\":\"alice\""));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().path("data").path("recalled").asText()).isEqualTo("yes");
        assertThat(state(app)).isEqualTo(before);
    }

    @Test
    void outsideTheWindowIs403UnlessTheAppTokenForces() throws InterruptedException {
        App app = testApps.createRoaming();
        apps.changeSetting(app.appId(), app.settingsVersion(), Setting.RECALL_WINDOW, "1", "test", "short window");
        String token = api.token(app);
        String alice = inherit(api, app, token, "alice");
        long m1 = chats.text(app, "alice", "bob", "one");
        Thread.sleep(1_200);
        var before = state(app);

        for (String t : List.of(token, alice)) {
            var r = recall(app, t, body(m1, "bob", "chat", ",\"from\":\"alice\""));
            assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(403);
            assertThat(r.getBody().path("error").asText()).isEqualTo("forbidden_op");
            assertThat(r.getBody().path("error_description").asText()).isEqualTo("exceed recall time limit");
        }
        var userForce = recall(app, alice, body(m1, "bob", "chat", ",\"force\":true"));
        assertThat(userForce.getStatusCode().value()).as(userForce.toString()).isEqualTo(403);
        assertThat(state(app)).isEqualTo(before);

        var forced = recall(app, token, body(m1, "bob", "chat", ",\"from\":\"alice\",\"force\":true"));
        assertThat(forced.getStatusCode().value()).as(forced.toString()).isEqualTo(200);
        assertThat(history(app, token, "bob", "chat", "alice")).isEmpty();
    }

    @Test
    void aUserTokenRecallsOnlyItsOwnSentMessages() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        String alice = inherit(api, app, token, "alice");
        String bob = inherit(api, app, token, "bob");
        long fromAlice = chats.text(app, "alice", "bob", "mine");
        var before = state(app);

        for (String b : List.of(body(fromAlice, "alice", "chat", ""), body(fromAlice, "alice", "chat", ",\"from\":\"bob\""),
                body(fromAlice, "bob", "chat", ",\"from\":\"alice\""))) {
            var r = recall(app, bob, b);
            assertThat(r.getStatusCode().value()).as(b + " " + r).isEqualTo(403);
            assertThat(r.getBody().path("error").asText()).isEqualTo("forbidden_op");
        }
        assertThat(state(app)).isEqualTo(before);

        var own = recall(app, alice, body(fromAlice, "bob", "chat", ""));
        assertThat(own.getStatusCode().value()).as(own.toString()).isEqualTo(200);
        assertThat(own.getBody().path("data").path("from").asText()).isEqualTo("alice");
        assertThat(history(app, token, "bob", "chat", "alice")).isEmpty();
    }

    @Test
    void aGroupRecallIsGoneForEveryMember() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        String token = api.token(app);
        long g1 = chats.toGroup(app, "alice", "team", "first");
        long g2 = chats.toGroup(app, "carol", "team", "second");

        var r = recall(app, inherit(api, app, token, "carol"), body(g2, "team", "groupchat", ""));

        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        assertThat(r.getBody().path("data").path("chattype").asText()).isEqualTo("groupchat");
        for (String member : List.of("alice", "bob", "carol")) {
            assertThat(history(app, token, member, "groupchat", "team")).as(member).containsExactly(Long.toString(g1));
            assertThat(latestShown(app, token, member)).as(member).isEqualTo(Long.toString(g1));
        }
    }

    @Test
    void badInputIsAClear4xxAndChangesNothing() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        long m1 = chats.text(app, "alice", "bob", "one");
        long other = chats.text(app, "alice", "carol", "two");
        var before = state(app);
        List<String> bad = List.of(
                body(m1, "bob", "chatroom", ",\"from\":\"alice\""),
                body(m1, "bob", "", ",\"from\":\"alice\""),
                body(other, "bob", "chat", ",\"from\":\"alice\""),
                body(m1 + 99, "bob", "chat", ",\"from\":\"alice\""),
                "{\"msg_id\":\"0x10\",\"to\":\"bob\",\"chat_type\":\"chat\",\"from\":\"alice\"}",
                "{\"msg_id\":\"-5\",\"to\":\"bob\",\"chat_type\":\"chat\",\"from\":\"alice\"}",
                "{\"msg_id\":1.5,\"to\":\"bob\",\"chat_type\":\"chat\",\"from\":\"alice\"}",
                "{\"to\":\"bob\",\"chat_type\":\"chat\",\"from\":\"alice\"}",
                body(m1, "bob", "chat", ",\"from\":\"alice\",\"force\":\"yes\""),
                body(m1, "nobody", "groupchat", ""),
                "[]",
                "not json");
        for (String b : bad) {
            var r = recall(app, token, b);
            assertThat(r.getStatusCode().value()).as(b + " " + r).isBetween(400, 404);
            assertThat(r.getBody().path("error").asText()).as(b).isNotEmpty();
        }
        // the SDK's list form: all or none
        var list = api.call(HttpMethod.POST, base(app) + "/messages/recall", token, "{\"msgs\":["
                + body(m1, "bob", "chat", ",\"from\":\"alice\"") + "," + body(other, "bob", "chat", ",\"from\":\"alice\"") + "]}");
        assertThat(list.getStatusCode().value()).as(list.toString()).isEqualTo(400);
        assertThat(state(app)).isEqualTo(before);
    }

    @Test
    void theSdksListFormRecallsEveryMessage() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "bob", "alice", "two");

        var r = api.call(HttpMethod.POST, base(app) + "/messages/recall", token, "{\"msgs\":["
                + body(m1, "bob", "chat", ",\"from\":\"alice\",\"force\":null") + "," + body(m2, "alice", "chat", ",\"from\":\"bob\"")
                + "]}");

        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        assertThat(r.getBody().path("data").path("msgs")).hasSize(2);
        assertThat(history(app, token, "alice", "chat", "bob")).isEmpty();
    }
}
