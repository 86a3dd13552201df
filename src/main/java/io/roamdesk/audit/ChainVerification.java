package io.roamdesk.audit;

import org.jspecify.annotations.Nullable;

/** The result of walking the hash chain: intact, or the first event where it breaks and why. */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBrokenEventId,
        @Nullable String problem) {
}
