package io.roamdesk.users;

import static io.roamdesk.jooq.Tables.APP_USER;
import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.support.Api.base;
import static io.roamdesk.support.EndUserApi.passwordGrant;
import static io.roamdesk.support.EndUserApi.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The vendor's user management over REST: register (one or many), get, delete, set the password. */
@IntegrationTest
class UserApiTest {

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    DSLContext db;

    private Result<Record> users(App app) {
        return db.select().from(APP_USER).where(APP_USER.APP_ID.eq(app.appId())).orderBy(APP_USER.USERNAME).fetch();
    }

    private static void status(ResponseEntity<JsonNode> r, int status, String error) {
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(status);
        if (error != null) {
            assertThat(r.getBody().get("error").asText()).as(r.toString()).isEqualTo(error);
            assertThat(r.getBody().has("error_description")).isTrue();
        }
    }

    @Test
    void registerGetChangePasswordAndDeleteInTheVendorShapes() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        var created = register(api, app, token, "Alice", "first-secret");
        status(created, 200, null);
        JsonNode entity = created.getBody().get("entities").get(0);
        assertThat(entity.get("username").asText()).isEqualTo("alice");
        assertThat(entity.get("type").asText()).isEqualTo("user");
        assertThat(entity.get("activated").asBoolean()).isTrue();
        assertThat(entity.get("uuid").asText()).hasSize(36);
        assertThat(created.getBody().get("action").asText()).isEqualTo("post");
        assertThat(created.getBody().get("organization").asText()).isEqualTo(app.key().org());

        var got = api.get(base(app) + "/users/alice", token);
        status(got, 200, null);
        assertThat(got.getBody().get("entities").get(0).get("uuid")).isEqualTo(entity.get("uuid"));

        // hashed at rest with the Spring Security encoder
        String hash = users(app).get(0).get(APP_USER.PASSWORD_HASH);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("first-secret");
        status(passwordGrant(api, app, "alice", "first-secret"), 200, null);

        status(api.call(HttpMethod.PUT, base(app) + "/users/alice/password", token, """
                {"newpassword":"second-secret"}"""), 200, null);
        status(passwordGrant(api, app, "alice", "first-secret"), 400, "invalid_grant");
        status(passwordGrant(api, app, "alice", "second-secret"), 200, null);

        var deleted = api.call(HttpMethod.DELETE, base(app) + "/users/alice", token, null);
        status(deleted, 200, null);
        assertThat(deleted.getBody().get("entities").get(0).get("username").asText()).isEqualTo("alice");
        status(api.get(base(app) + "/users/alice", token), 404, "service_resource_not_found");
        status(api.call(HttpMethod.DELETE, base(app) + "/users/alice", token, null), 404, "service_resource_not_found");
        status(passwordGrant(api, app, "alice", "second-secret"), 400, "invalid_grant");

        assertThat(db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.TARGET_USER.eq("alice")).orderBy(AUDIT_EVENT.EVENT_ID).fetch(AUDIT_EVENT.ACTION))
                .containsExactly("SET_USER_PASSWORD", "DELETE_USER", "DELETE_USER");
        assertThat(db.select(AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .orderBy(AUDIT_EVENT.EVENT_ID).fetch(AUDIT_EVENT.OUTCOME)).containsExactly("SUCCESS", "SUCCESS", "FAILURE");

        // registered again: a new user with a new uuid
        var again = register(api, app, token, "alice", "third-secret");
        status(again, 200, null);
        assertThat(again.getBody().get("entities").get(0).get("uuid")).isNotEqualTo(entity.get("uuid"));
    }

    @Test
    void anArrayRegistersAllOrNone() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        var r = api.call(HttpMethod.POST, base(app) + "/users", token, """
                [{"username":"u1","password":"p1"},{"username":"u2","password":"p2"},{"username":"u3","password":"p3"}]""");
        status(r, 200, null);
        assertThat(r.getBody().get("entities").size()).isEqualTo(3);
        assertThat(r.getBody().get("count").asInt()).isEqualTo(3);

        var dup = api.call(HttpMethod.POST, base(app) + "/users", token, """
                [{"username":"u4","password":"p4"},{"username":"u2","password":"other"}]""");
        status(dup, 400, "duplicate_unique_property_exists");
        assertThat(users(app).getValues(APP_USER.USERNAME)).containsExactly("u1", "u2", "u3");
        status(passwordGrant(api, app, "u2", "p2"), 200, null);
    }

    @Test
    void usersKnownFromMessagesHaveNoPasswordUntilOneIsSet() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        chats.text(app, "dora", "erik", "hello");
        var got = api.get(base(app) + "/users/dora", token);
        status(got, 200, null);
        assertThat(users(app).getValues(APP_USER.PASSWORD_HASH)).containsOnlyNulls();
        status(passwordGrant(api, app, "dora", ""), 400, "illegal_argument");
        status(passwordGrant(api, app, "dora", "anything"), 400, "invalid_grant");

        status(api.call(HttpMethod.PUT, base(app) + "/users/dora/password", token, """
                {"newpassword":"now-set"}"""), 200, null);
        status(passwordGrant(api, app, "dora", "now-set"), 200, null);
        // registering a user known only from messages gives it its password
        status(register(api, app, token, "erik", "erik-pw"), 200, null);
        status(passwordGrant(api, app, "erik", "erik-pw"), 200, null);
        // but a user with a password is a duplicate
        status(register(api, app, token, "erik", "take-over"), 400, "duplicate_unique_property_exists");
        status(passwordGrant(api, app, "erik", "take-over"), 400, "invalid_grant");
    }

    @Test
    void badInputGetsA4xxAndChangesNothing() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        status(register(api, app, token, "keep", "keep-pw"), 200, null);
        var before = users(app);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 61; i++) {
            many.append(i == 0 ? "" : ",").append("{\"username\":\"m").append(i).append("\",\"password\":\"p\"}");
        }
        List<String> badBodies = List.of("{", "42", "\"x\"", "[]", "[1]", "{\"username\":\"a\"}", "{\"password\":\"p\"}",
                "{\"username\":\"bad name\",\"password\":\"p\"}", "{\"username\":\"ok\",\"password\":7}",
                "{\"username\":\"ok\",\"password\":\"" + "x".repeat(65) + "\"}",
                "{\"username\":\"ok\",\"password\":\"" + "密".repeat(30) + "\"}",
                "[{\"username\":\"ok\",\"password\":\"p\"},{\"username\":\"OK\",\"password\":\"q\"}]",
                "[{\"username\":\"ok\",\"password\":\"p\"},{\"username\":\"x y\",\"password\":\"q\"}]",
                many.append("]").toString());
        for (String body : badBodies) {
            var r = api.call(HttpMethod.POST, base(app) + "/users", token, body);
            assertThat(r.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(r.getBody().get("error").asText()).as(body).isNotEmpty();
        }
        for (String body : List.of("{}", "{\"newpassword\":\"\"}", "{\"newpassword\":5}", "[]", "{\"password\":\"x\"}")) {
            var r = api.call(HttpMethod.PUT, base(app) + "/users/keep/password", token, body);
            assertThat(r.getStatusCode().value()).as(body).isEqualTo(400);
        }
        status(api.call(HttpMethod.PUT, base(app) + "/users/nobody/password", token, "{\"newpassword\":\"x\"}"), 404,
                "service_resource_not_found");
        status(api.get(base(app) + "/users/bad%20name", token), 400, "illegal_argument");
        status(api.call(HttpMethod.POST, base(app) + "/users", null, "{\"username\":\"a\",\"password\":\"b\"}"), 401,
                "unauthorized");
        assertThat(users(app)).isEqualTo(before);
        status(passwordGrant(api, app, "keep", "keep-pw"), 200, null);
    }
}
