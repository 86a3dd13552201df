package io.roamdesk.core;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a whole transaction again when the database chose it as a deadlock victim or it timed out
 * waiting for a lock: nothing of a failed attempt remains, so another attempt is safe. The work
 * must open its own transaction (never call this inside one).
 */
public final class TransientRetry {

    public static final int ATTEMPTS = 5;

    private static final Retry RETRY = Retry.of("transient-database-errors", RetryConfig.custom()
            .maxAttempts(ATTEMPTS)
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(2), 2.0, 0.5))
            .retryExceptions(TransientDataAccessException.class)
            .build());

    private TransientRetry() {
    }

    public static <T> T run(Supplier<T> transaction) {
        return Retry.decorateSupplier(RETRY, transaction).get();
    }
}
