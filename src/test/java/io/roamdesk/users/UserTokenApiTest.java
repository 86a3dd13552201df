package io.roamdesk.users;

import static io.roamdesk.jooq.Tables.USER_TOKEN;
import static io.roamdesk.support.Api.base;
import static io.roamdesk.support.EndUserApi.inherit;
import static io.roamdesk.support.EndUserApi.passwordGrant;
import static io.roamdesk.support.EndUserApi.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import io.roamdesk.core.Sha256;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** User tokens: the password and inherit grants, hashed at rest, expiring, ended by deletion and password changes. */
@IntegrationTest
class UserTokenApiTest {

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    DSLContext db;

    private static void status(ResponseEntity<JsonNode> r, int status, String error) {
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(status);
        if (error != null) {
            assertThat(r.getBody().get("error").asText()).as(r.toString()).isEqualTo(error);
        }
    }

    private ResponseEntity<JsonNode> ownList(App app, String owner, String token) {
        return api.get(base(app) + "/users/" + owner + "/user_channels?limit=10", token);
    }

    @Test
    void thePasswordGrantAnswersTheVendorShapeAndTheTokenIsHashedAtRest() {
        App app = testApps.createRoaming();
        String appToken = api.token(app);
        var registered = register(api, app, appToken, "alice", "pw-alice");
        var r = api.call(HttpMethod.POST, base(app) + "/token", null, """
                {"grant_type":"password","username":"alice","password":"pw-alice","ttl":120}""");
        status(r, 200, null);
        String token = r.getBody().get("access_token").asText();
        assertThat(r.getBody().get("expires_in").asLong()).isEqualTo(120);
        JsonNode user = r.getBody().get("user");
        assertThat(user.get("username").asText()).isEqualTo("alice");
        assertThat(user.get("activated").asBoolean()).isTrue();
        assertThat(user.get("uuid")).isEqualTo(registered.getBody().get("entities").get(0).get("uuid"));
        status(ownList(app, "alice", token), 200, null);

        var stored = db.selectFrom(USER_TOKEN).where(USER_TOKEN.APP_ID.eq(app.appId())).fetch();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getTokenHash()).isEqualTo(Sha256.hex(token)).isNotEqualTo(token);
        assertThat(stored.get(0).getExpiresAt() - stored.get(0).getIssuedAt()).isEqualTo(120_000);
        // the default lifetime
        status(passwordGrant(api, app, "alice", "pw-alice"), 200, null);
        assertThat(passwordGrant(api, app, "alice", "pw-alice").getBody().get("expires_in").asLong())
                .isEqualTo(7 * 24 * 3600);
    }

    @Test
    void wrongPasswordsUnknownUsersAndBadBodiesAreRefused() {
        App app = testApps.createRoaming();
        String appToken = api.token(app);
        register(api, app, appToken, "alice", "pw-alice");
        status(passwordGrant(api, app, "alice", "wrong"), 400, "invalid_grant");
        status(passwordGrant(api, app, "nobody", "pw-alice"), 400, "invalid_grant");
        for (String body : new String[] {"{\"grant_type\":\"password\",\"username\":\"alice\"}",
                "{\"grant_type\":\"password\",\"password\":\"pw-alice\"}",
                "{\"grant_type\":\"password\",\"username\":\"alice\",\"password\":\"pw-alice\",\"ttl\":-1}",
                "{\"grant_type\":\"password\",\"username\":\"alice\",\"password\":\"pw-alice\",\"ttl\":\"x\"}",
                "{\"grant_type\":\"magic\",\"username\":\"alice\",\"password\":\"pw-alice\"}"}) {
            status(api.call(HttpMethod.POST, base(app) + "/token", null, body), 400, "illegal_argument");
        }
        assertThat(db.fetchCount(USER_TOKEN, USER_TOKEN.APP_ID.eq(app.appId()))).isZero();
    }

    @Test
    void tokensExpireAndDieWithAPasswordChangeOrTheUser() throws InterruptedException {
        App app = testApps.createRoaming();
        String appToken = api.token(app);
        register(api, app, appToken, "alice", "pw-alice");
        var shortLived = api.call(HttpMethod.POST, base(app) + "/token", null, """
                {"grant_type":"password","username":"alice","password":"pw-alice","ttl":1}""");
        String brief = shortLived.getBody().get("access_token").asText();
        String beforeChange = passwordGrant(api, app, "alice", "pw-alice").getBody().get("access_token").asText();
        String inherited = inherit(api, app, appToken, "alice");
        status(ownList(app, "alice", brief), 200, null);
        Thread.sleep(1_500);
        status(ownList(app, "alice", brief), 401, "unauthorized");
        status(ownList(app, "alice", beforeChange), 200, null);

        status(api.call(HttpMethod.PUT, base(app) + "/users/alice/password", appToken, "{\"newpassword\":\"pw-2\"}"),
                200, null);
        status(ownList(app, "alice", beforeChange), 401, "unauthorized");
        status(ownList(app, "alice", inherited), 401, "unauthorized");

        String afterChange = passwordGrant(api, app, "alice", "pw-2").getBody().get("access_token").asText();
        status(ownList(app, "alice", afterChange), 200, null);
        status(api.call(HttpMethod.DELETE, base(app) + "/users/alice", appToken, null), 200, null);
        status(ownList(app, "alice", afterChange), 401, "unauthorized");
        assertThat(db.fetchCount(USER_TOKEN, USER_TOKEN.APP_ID.eq(app.appId()))).isZero();
    }

    @Test
    void theInheritGrantNeedsTheAppsToken() {
        App app = testApps.createRoaming();
        App other = testApps.createRoaming();
        String appToken = api.token(app);
        String userToken = inherit(api, app, appToken, "alice");
        String body = "{\"grant_type\":\"inherit\",\"username\":\"bob\",\"autoCreateUser\":true}";
        status(api.call(HttpMethod.POST, base(app) + "/token", null, body), 401, "unauthorized");
        status(api.call(HttpMethod.POST, base(app) + "/token", userToken, body), 403, "forbidden_op");
        status(api.call(HttpMethod.POST, base(app) + "/token", api.token(other), body), 401, "unauthorized");
        status(api.get(base(app) + "/users/bob", appToken), 404, "service_resource_not_found");

        status(api.call(HttpMethod.POST, base(app) + "/token", appToken, "{\"grant_type\":\"inherit\",\"username\":\"bob\"}"),
                404, "service_resource_not_found");
        status(api.call(HttpMethod.POST, base(app) + "/token", appToken,
                "{\"grant_type\":\"inherit\",\"username\":\"bob\",\"autoCreateUser\":\"yes\"}"), 400, "illegal_argument");
        var r = api.call(HttpMethod.POST, base(app) + "/token", appToken, body);
        status(r, 200, null);
        assertThat(r.getBody().get("user").get("username").asText()).isEqualTo("bob");
        status(ownList(app, "bob", r.getBody().get("access_token").asText()), 200, null);
        // created without a password
        status(passwordGrant(api, app, "bob", "anything"), 400, "invalid_grant");
    }

    @Test
    void aTokenNamingAnotherUserOrAppIsWorthNothing() {
        App app = testApps.createRoaming();
        App other = testApps.createRoaming();
        String appToken = api.token(app);
        String alice = inherit(api, app, appToken, "alice");
        inherit(api, app, appToken, "bob");
        // alice's random part under bob's name
        String forged = "YWMu" + Base64.getUrlEncoder().withoutPadding().encodeToString("bob".getBytes(StandardCharsets.UTF_8))
                + alice.substring(alice.indexOf('.'));
        status(ownList(app, "bob", forged), 401, "unauthorized");
        status(ownList(other, "alice", alice), 401, "unauthorized");
        status(ownList(app, "alice", "YWMu%%%.x"), 401, "unauthorized");
        status(ownList(app, "alice", alice), 200, null);
    }
}
