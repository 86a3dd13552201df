package io.roamdesk.api;

import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves {org}/{app} (404 when unknown) and checks the bearer token (401) before any
 * {@link RequiresToken} controller runs; the caller is then available as {@link ApiCaller}.
 */
@Component
class ApiAuthInterceptor implements HandlerInterceptor {

    static final String STARTED_AT = "roamdesk.startedAt";
    static final String CALLER = "roamdesk.caller";

    private final AppService apps;
    private final BearerTokens bearer;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final byte[] gatewaySecretHash;

    ApiAuthInterceptor(AppService apps, BearerTokens bearer, RateLimits rateLimits, Clock clock,
            @Value("${roamdesk.gateway.secret:}") String gatewaySecret) {
        this.apps = apps;
        this.bearer = bearer;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.gatewaySecretHash = gatewaySecret.isEmpty() ? new byte[0] : Sha256.bytes(gatewaySecret);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(STARTED_AT, clock.millis());
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (method.getBeanType().isAnnotationPresent(RequiresGatewaySecret.class)) {
            App app = apps.require(appKey(request));
            checkGatewaySecret(request.getHeader("X-Gateway-Secret"));
            request.setAttribute(CALLER, ApiCaller.client(app, "gateway"));
            return true;
        }
        if (!method.getBeanType().isAnnotationPresent(RequiresToken.class)) {
            return true;
        }
        App app = apps.require(appKey(request));
        rateLimits.check(app);
        ApiCaller caller = bearer.authenticate(app, request.getHeader("Authorization"));
        if (caller.isUser()) {
            checkOwnData(caller, method, request);
        }
        request.setAttribute(CALLER, caller);
        return true;
    }

    /** A user token reaches only endpoints marked {@link OwnData}, and there only its own user. */
    @SuppressWarnings("unchecked")
    private static void checkOwnData(ApiCaller caller, HandlerMethod method, HttpServletRequest request) {
        if (method.hasMethodAnnotation(SenderChecked.class)) {
            return;
        }
        OwnData own = method.getMethodAnnotation(OwnData.class);
        if (own == null) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op",
                    "a user token cannot call this API: it needs the app's token");
        }
        var vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String owner = vars == null ? null : vars.get(own.value());
        if (owner == null || !owner.toLowerCase(java.util.Locale.ROOT).equals(caller.user())) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op",
                    "a user token reaches only its own user's data");
        }
    }

    private void checkGatewaySecret(String given) {
        // constant-time comparison of hashes; no secret configured means the gateway entry is closed
        if (gatewaySecretHash.length == 0 || given == null
                || !MessageDigest.isEqual(gatewaySecretHash, Sha256.bytes(given))) {
            throw new RoamdeskException(ErrorKind.UNAUTHORIZED, "unauthorized", "gateway secret missing or wrong");
        }
    }

    @SuppressWarnings("unchecked")
    static AppKey appKey(HttpServletRequest request) {
        var vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars == null || vars.get("org") == null || vars.get("app") == null) {
            throw RoamdeskException.badRequest("the path must name an org and an app");
        }
        try {
            return new AppKey(vars.get("org").toLowerCase(java.util.Locale.ROOT),
                    vars.get("app").toLowerCase(java.util.Locale.ROOT));
        } catch (RoamdeskException e) {
            throw RoamdeskException.notFound("organization_application_not_found", "Could not find application");
        }
    }
}
