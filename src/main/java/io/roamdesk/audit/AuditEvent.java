package io.roamdesk.audit;

import org.jspecify.annotations.Nullable;

/** One recorded event of the audit trail, with the hashes that chain it to the one before. */
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
        String rowHash) {
}
