package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.users.UserTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /{org}/{app}/token}: the client-credentials grant (app tokens), the password grant
 * and, with the app's token, the inherit grant (user tokens).
 */
@RestController
class TokenController {

    private final AppService apps;
    private final ApiCredentials credentials;
    private final UserTokens userTokens;
    private final BearerTokens bearer;

    TokenController(AppService apps, ApiCredentials credentials, UserTokens userTokens, BearerTokens bearer) {
        this.apps = apps;
        this.credentials = credentials;
        this.userTokens = userTokens;
        this.bearer = bearer;
    }

    @PostMapping("/{org}/{app}/token")
    Map<String, Object> token(@RequestBody JsonNode body, HttpServletRequest request) {
        App app = apps.require(ApiAuthInterceptor.appKey(request));
        Json.requireObject(body);
        String grant = Json.text(body, "grant_type");
        long ttl = Json.optionalLong(body, "ttl", 0);
        if ("client_credentials".equals(grant)) {
            String clientId = Json.requiredText(body, "client_id");
            String secret = Json.requiredText(body, "client_secret");
            var issued = credentials.issueToken(app, clientId, secret, ttl);
            return Map.of("access_token", issued.accessToken(), "expires_in", issued.expiresInSeconds(),
                    "application", Long.toString(app.appId()));
        }
        if ("password".equals(grant)) {
            String username = Json.requiredText(body, "username");
            String password = Json.requiredText(body, "password");
            return answer(userTokens.passwordGrant(app, username, password, ttl));
        }
        if ("inherit".equals(grant)) {
            ApiCaller caller = bearer.authenticate(app, request.getHeader("Authorization"));
            if (caller.isUser()) {
                throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op",
                        "the inherit grant needs the app's token, not a user token");
            }
            String username = Json.requiredText(body, "username");
            boolean autoCreate = optionalBoolean(body, "autoCreateUser");
            return answer(userTokens.inheritGrant(app, username, autoCreate, ttl));
        }
        throw RoamdeskException.badRequest("grant_type must be client_credentials, password or inherit");
    }

    private static Map<String, Object> answer(UserTokens.IssuedUserToken issued) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", issued.accessToken());
        out.put("expires_in", issued.expiresInSeconds());
        out.put("user", UserController.entity(issued.user()));
        return out;
    }

    private static boolean optionalBoolean(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw RoamdeskException.badRequest("field " + field + " must be true or false");
        }
        return n.asBoolean();
    }
}
