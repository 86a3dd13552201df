package io.roamdesk.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-app request limits in the vendor's spirit: each app may make {@code roamdesk.api.rate-limit}
 * calls per second on each instance; more get a 429 with the vendor's error body. Never waits.
 */
@Component
class RateLimits {

    private final RateLimiterRegistry registry;

    RateLimits(@Value("${roamdesk.api.rate-limit:1000}") int perSecond) {
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    void check(App app) {
        RateLimiter limiter = registry.rateLimiter(Long.toString(app.appId()));
        if (!limiter.acquirePermission()) {
            throw new RoamdeskException(ErrorKind.TOO_MANY_REQUESTS, "reach_limit",
                    "This request has reached the app's API rate limit; retry later");
        }
    }
}
