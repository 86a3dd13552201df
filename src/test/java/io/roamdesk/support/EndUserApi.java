package io.roamdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** End users and their tokens over the REST API. */
public final class EndUserApi {

    private EndUserApi() {
    }

    public static ResponseEntity<JsonNode> register(Api api, App app, String appToken, String username, String password) {
        return api.call(HttpMethod.POST, Api.base(app) + "/users", appToken, """
                {"username":"%s","password":"%s"}""".formatted(username, password));
    }

    public static ResponseEntity<JsonNode> passwordGrant(Api api, App app, String username, String password) {
        return api.call(HttpMethod.POST, Api.base(app) + "/token", null, """
                {"grant_type":"password","username":"%s","password":"%s"}""".formatted(username, password));
    }

    /** A user token through the inherit grant (the user is created when missing). */
    public static String inherit(Api api, App app, String appToken, String username) {
        var r = api.call(HttpMethod.POST, Api.base(app) + "/token", appToken, """
                {"grant_type":"inherit","username":"%s","autoCreateUser":true}""".formatted(username));
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        return r.getBody().get("access_token").asText();
    }
}
