package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.core.RoamdeskException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /{org}/{app}/token}: the client-credentials grant. */
@RestController
class TokenController {

    private final AppService apps;
    private final ApiCredentials credentials;

    TokenController(AppService apps, ApiCredentials credentials) {
        this.apps = apps;
        this.credentials = credentials;
    }

    @PostMapping("/{org}/{app}/token")
    Map<String, Object> token(@RequestBody JsonNode body, HttpServletRequest request) {
        App app = apps.require(ApiAuthInterceptor.appKey(request));
        Json.requireObject(body);
        if (!"client_credentials".equals(Json.text(body, "grant_type"))) {
            throw RoamdeskException.badRequest("grant_type must be client_credentials");
        }
        String clientId = Json.requiredText(body, "client_id");
        String secret = Json.requiredText(body, "client_secret");
        long ttl = Json.optionalLong(body, "ttl", 0);
        var issued = credentials.issueToken(app, clientId, secret, ttl);
        return Map.of("access_token", issued.accessToken(), "expires_in", issued.expiresInSeconds(),
                "application", Long.toString(app.appId()));
    }
}
