package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail for reviewers: keyset pages newest first, and streaming exports. */
@Service
public class AuditSearch {

    public static final int MAX_EXPORT = 100_000;

    private final DSLContext db;

    AuditSearch(DSLContext db) {
        this.db = db;
    }

    /** A page of events older than {@code beforeEventId} (null: from the newest). */
    @Transactional(readOnly = true)
    public List<AuditEvent> page(AuditQuery q, @Nullable Long beforeEventId, int limit) {
        Condition c = condition(q);
        if (beforeEventId != null) {
            c = c.and(AUDIT_EVENT.EVENT_ID.lt(beforeEventId));
        }
        return db.selectFrom(AUDIT_EVENT).where(c).orderBy(AUDIT_EVENT.EVENT_ID.desc()).limit(limit)
                .fetch(AuditEvents::of);
    }

    /** Every matching event, oldest first, up to {@link #MAX_EXPORT}, handed out one by one. */
    @Transactional(readOnly = true)
    public void export(AuditQuery q, Consumer<AuditEvent> sink) {
        try (var cursor = db.selectFrom(AUDIT_EVENT).where(condition(q)).orderBy(AUDIT_EVENT.EVENT_ID)
                .limit(MAX_EXPORT).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(AuditEvents.of(r)));
        }
    }

    private static Condition condition(AuditQuery q) {
        Condition c = DSL.noCondition();
        if (q.from() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.ge(q.from()));
        }
        if (q.to() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.le(q.to()));
        }
        if (q.actor() != null && !q.actor().isBlank()) {
            c = c.and(AUDIT_EVENT.ACTOR.eq(q.actor().strip()));
        }
        if (q.action() != null) {
            c = c.and(AUDIT_EVENT.ACTION.eq(q.action().name()));
        }
        if (q.appId() != null) {
            c = c.and(AUDIT_EVENT.APP_ID.eq(q.appId()));
        }
        if (q.withinApps() != null) {
            c = c.and(q.withinApps().isEmpty() ? DSL.falseCondition() : AUDIT_EVENT.APP_ID.in(q.withinApps()));
        }
        if (q.targetUser() != null && !q.targetUser().isBlank()) {
            c = c.and(AUDIT_EVENT.TARGET_USER.eq(q.targetUser().strip().toLowerCase(java.util.Locale.ROOT)));
        }
        return c;
    }
}
