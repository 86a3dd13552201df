package io.roamdesk.core;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Hands out unique, time-ordered ids for this running instance (its worker id is leased). */
@Component
public class IdGenerator {

    private final Clock clock;
    private final WorkerLease lease;
    private long lastMs = -1;
    private int sequence;

    IdGenerator(Clock clock, WorkerLease lease) {
        this.clock = clock;
        this.lease = lease;
    }

    public synchronized long nextId() {
        long now = Math.max(clock.millis(), lastMs);
        if (now == lastMs) {
            sequence = (sequence + 1) & Snowflake.MAX_SEQUENCE;
            if (sequence == 0) {
                // this millisecond is used up: borrow the next one rather than spin
                now = lastMs + 1;
            }
        } else {
            sequence = 0;
        }
        lastMs = now;
        return Snowflake.compose(now, lease.workerId(), sequence);
    }
}
