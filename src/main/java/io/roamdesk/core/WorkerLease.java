package io.roamdesk.core;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Leases a snowflake worker id from the database so that several instances on one database never
 * hand out the same id. A lease lives {@link #TTL} and is renewed well before; an instance that
 * dies frees its id when the lease runs out. {@code roamdesk.worker-id} pins an id instead.
 */
@Component
public class WorkerLease {

    static final Duration TTL = Duration.ofMinutes(2);
    /** Reserved for bulk loaders of historical data (demo, benchmarks); never leased. */
    public static final int BULK_LOAD_WORKER = Snowflake.MAX_WORKER;

    private static final Logger log = LoggerFactory.getLogger(WorkerLease.class);

    private final WorkerLeaseRepository leases;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final int workerId;
    private final boolean leased;
    private volatile boolean lost;

    WorkerLease(WorkerLeaseRepository leases, Clock clock, @Value("${roamdesk.worker-id:-1}") int configured) {
        this.leases = leases;
        this.clock = clock;
        if (configured >= 0) {
            if (configured >= BULK_LOAD_WORKER) {
                throw new IllegalArgumentException("roamdesk.worker-id must be below " + BULK_LOAD_WORKER);
            }
            this.workerId = configured;
            this.leased = false;
        } else {
            this.workerId = acquire();
            this.leased = true;
        }
        log.info("Snowflake worker id {} ({})", workerId, leased ? "leased" : "configured");
    }

    public int workerId() {
        if (lost) {
            throw new IllegalStateException("worker id lease lost: refusing to hand out ids");
        }
        return workerId;
    }

    private int acquire() {
        for (int candidate = 0; candidate < BULK_LOAD_WORKER; candidate++) {
            long now = clock.millis();
            int taken = leases.insertIfAbsent(candidate, instanceId, now + TTL.toMillis());
            if (taken == 0) {
                taken = leases.takeExpired(candidate, instanceId, now + TTL.toMillis(), now);
            }
            if (taken == 1) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free snowflake worker id: too many running instances");
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void renew() {
        if (!leased) {
            return;
        }
        int renewed;
        try {
            renewed = leases.renew(workerId, instanceId, clock.millis() + TTL.toMillis());
        } catch (RuntimeException e) {
            // the database is away: one line per pass, the next pass tries again (the lease outlives
            // several passes; if someone took the id meanwhile, the next renewal finds out)
            log.warn("Could not renew the lease on worker id {}: {}", workerId, e.getMessage());
            return;
        }
        if (renewed == 0) {
            // someone took our id after a long pause: ids could collide, so stop handing them out
            lost = true;
            log.error("Lost the lease on worker id {}; no more ids from this instance", workerId);
        }
    }

    @PreDestroy
    void release() {
        if (!leased) {
            return;
        }
        try {
            leases.release(workerId, instanceId);
        } catch (RuntimeException e) {
            // the lease runs out by itself; shutting down must not wait on a database that is gone
            log.warn("Could not release worker id {}: {}", workerId, e.getMessage());
        }
    }
}
