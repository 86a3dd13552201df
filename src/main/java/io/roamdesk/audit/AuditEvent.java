package io.roamdesk.audit;

import org.jspecify.annotations.Nullable;

/**
 * One recorded event of the audit trail. It is the {@code chainSeq}-th event of its app's chain
 * ({@code chainId}, 0 for events of no app) and carries the hashes that link it to the one before.
 */
public record AuditEvent(
        long eventId,
        long occurredAt,
        String actor,
        String actorRole,
        String action,
        @Nullable Long appId,
        @Nullable String targetUser,
        @Nullable String target,
        String params,
        String outcome,
        @Nullable String reason,
        String prevHash,
        String rowHash,
        long chainId,
        long chainSeq) {

    /** The chain an event of this app belongs to. */
    static long chainOf(@Nullable Long appId) {
        return appId == null ? 0 : appId;
    }
}
