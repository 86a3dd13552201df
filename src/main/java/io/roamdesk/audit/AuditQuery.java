package io.roamdesk.audit;

import org.jspecify.annotations.Nullable;

/** Filters of the audit view; null means "any". Times are inclusive epoch milliseconds. */
public record AuditQuery(@Nullable Long from, @Nullable Long to, @Nullable String actor, @Nullable AuditAction action,
        @Nullable Long appId, @Nullable String targetUser) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
