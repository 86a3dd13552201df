package io.roamdesk.core;

/**
 * Layout of our 63-bit ids: 41 bits of milliseconds since {@link #EPOCH_MS}, 10 bits of worker,
 * 12 bits of sequence. Ids sort by time, so a time range maps onto an id range.
 */
public final class Snowflake {

    /** 2020-01-01T00:00:00Z. */
    public static final long EPOCH_MS = 1_577_836_800_000L;

    public static final int WORKER_BITS = 10;
    public static final int SEQUENCE_BITS = 12;
    public static final int MAX_WORKER = (1 << WORKER_BITS) - 1;
    public static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

    private Snowflake() {
    }

    public static long compose(long timestampMs, int worker, int sequence) {
        if (timestampMs < EPOCH_MS) {
            throw new IllegalArgumentException("timestamp before the id epoch: " + timestampMs);
        }
        return ((timestampMs - EPOCH_MS) << (WORKER_BITS + SEQUENCE_BITS))
                | ((long) worker << SEQUENCE_BITS)
                | sequence;
    }

    public static long timestampOf(long id) {
        return (id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH_MS;
    }

    /** The smallest id any worker can give at {@code timestampMs}. */
    public static long firstIdAt(long timestampMs) {
        return compose(Math.max(timestampMs, EPOCH_MS), 0, 0);
    }

    /** The largest id any worker can give at {@code timestampMs}. */
    public static long lastIdAt(long timestampMs) {
        return compose(Math.max(timestampMs, EPOCH_MS), MAX_WORKER, MAX_SEQUENCE);
    }
}
