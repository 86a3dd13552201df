package io.roamdesk.audit;

import io.roamdesk.app.AppScope;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the audit view; null means "any". Times are inclusive epoch milliseconds.
 * {@code withinApps}, when set, keeps only events of those apps (an app-scoped reviewer sees nothing
 * else, not even events without an app such as sign-ins).
 */
public record AuditQuery(@Nullable Long from, @Nullable Long to, @Nullable String actor, @Nullable AuditAction action,
        @Nullable Long appId, @Nullable String targetUser, @Nullable Set<Long> withinApps) {

    public AuditQuery(@Nullable Long from, @Nullable Long to, @Nullable String actor, @Nullable AuditAction action,
            @Nullable Long appId, @Nullable String targetUser) {
        this(from, to, actor, action, appId, targetUser, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    /** This query seen by a reviewer with {@code scope}: an account of every app sees every event. */
    public AuditQuery within(AppScope scope) {
        return scope.allApps() ? this : new AuditQuery(from, to, actor, action, appId, targetUser, scope.appIds());
    }
}
