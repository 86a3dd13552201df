package io.roamdesk.api;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The vendor reads JSON bodies whatever the Content-Type says (its server SDK sends none): every
 * API path with a body accepts JSON with no Content-Type and with {@code text/plain}; bodies that
 * are not JSON, and other declared types, are still refused in the vendor's JSON.
 */
@IntegrationTest
class ContentTypeTest {

    /** No header at all, plain text, plain text with a charset. */
    private static final List<String> LENIENT = Arrays.asList(null, "text/plain", "text/plain; charset=UTF-8");

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    GroupService groups;
    @Autowired
    DSLContext db;

    private int messages(App app) {
        return db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()));
    }

    private static void ok(ResponseEntity<JsonNode> r, String what) {
        assertThat(r.getStatusCode().value()).as(what + ": " + r.getBody()).isEqualTo(200);
    }

    @Test
    void jsonWithoutOrWithPlainTextContentTypeIsReadOnEveryPathWithABody() {
        // REST sends show in the list only with rest_in_list
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withRestInList(true));
        groups.createGroup(app, "team", "Team", "alice", List.of("bob"));
        int sent = 0;
        for (String type : LENIENT) {
            var token = api.raw("POST", base(app) + "/token", null, type, """
                    {"grant_type":"client_credentials","client_id":"%s","client_secret":"%s"}"""
                    .formatted(TestApps.CLIENT_ID, TestApps.CLIENT_SECRET));
            ok(token, "token with " + type);
            String t = token.getBody().get("access_token").asText();

            ok(api.raw("POST", base(app) + "/messages/users", t, type, """
                    {"from":"alice","to":["bob"],"type":"txt","body":{"msg":"hi"}}"""), "send with " + type);
            ok(api.raw("POST", base(app) + "/messages/chatgroups", t, type, """
                    {"from":"alice","to":["team"],"type":"txt","body":{"msg":"hi all"}}"""), "group send with " + type);
            ok(api.raw("POST", base(app) + "/messages", t, type, """
                    {"from":"alice","target_type":"users","target":["carol"],"msg":{"type":"txt","msg":"old"}}"""),
                    "legacy send with " + type);
            sent += 3;
            assertThat(messages(app)).isEqualTo(sent);

            var list = api.get(base(app) + "/users/alice/user_channels?limit=50", t);
            assertThat(list.getBody().get("data").get("channel_infos").size()).isEqualTo(3);
            ok(api.raw("DELETE", base(app) + "/users/alice/user_channel", t, type, """
                    {"channel":"carol","type":"chat","delete_roam":false}"""), "conversation delete with " + type);
            var after = api.get(base(app) + "/users/alice/user_channels?limit=50", t);
            assertThat(after.getBody().get("data").get("channel_infos").size()).isEqualTo(2);
        }
    }

    @Test
    void bodiesThatAreNotJsonAreStillRefusedInTheVendorShapeAndChangeNothing() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        for (String type : LENIENT) {
            for (String body : List.of("hello bob", "from=alice&to=bob", "<msg>hi</msg>", "{\"from\":")) {
                var r = api.raw("POST", base(app) + "/messages/users", token, type, body);
                assertThat(r.getStatusCode().value()).as(type + " " + body).isEqualTo(400);
                assertThat(r.getBody().get("error").asText()).isEqualTo("invalid_request_body");
                assertThat(r.getBody().has("error_description")).isTrue();
            }
            var r = api.raw("POST", base(app) + "/token", null, type, "grant_type=client_credentials");
            assertThat(r.getStatusCode().value()).isEqualTo(400);
            assertThat(r.getBody().get("error").asText()).isEqualTo("invalid_request_body");
        }
        String json = """
                {"from":"alice","to":["bob"],"type":"txt","body":{"msg":"hi"}}""";
        for (String declared : List.of("application/xml", "application/x-www-form-urlencoded", "image/png")) {
            var r = api.raw("POST", base(app) + "/messages/users", token, declared, json);
            assertThat(r.getStatusCode().value()).as(declared).isEqualTo(415);
            assertThat(r.getBody().get("error").asText()).isEqualTo("unsupported_media_type");
        }
        assertThat(messages(app)).isZero();
    }
}
