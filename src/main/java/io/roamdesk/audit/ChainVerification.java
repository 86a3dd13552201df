package io.roamdesk.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the hash chain: intact, or the first event where it breaks and why.
 * {@code checked} is how many events this walk read; {@code reachedEventId}/{@code reachedAt} the
 * newest event verified (null when the chain is empty); {@code full} whether the walk started at
 * each chain's first event rather than at its stored checkpoint.
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBrokenEventId,
        @Nullable String problem, @Nullable Long reachedEventId, @Nullable Long reachedAt, boolean full) {

    public ChainVerification(boolean intact, long checked, @Nullable Long firstBrokenEventId, @Nullable String problem) {
        this(intact, checked, firstBrokenEventId, problem, null, null, true);
    }

    static ChainVerification broken(long checked, long eventId, String problem, boolean full) {
        return new ChainVerification(false, checked, eventId, problem, null, null, full);
    }
}
