package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The reviewers' reads of {@code audit_event}: keyset pages newest first and streamed exports. */
@Repository
class AuditSearchRepository {

    private final DSLContext db;

    AuditSearchRepository(DSLContext db) {
        this.db = db;
    }

    /** Up to {@code limit} matching events older than {@code beforeEventId} (null: from the newest). */
    List<AuditEvent> page(AuditQuery q, @Nullable Long beforeEventId, int limit) {
        Condition c = condition(q);
        if (beforeEventId != null) {
            c = c.and(AUDIT_EVENT.EVENT_ID.lt(beforeEventId));
        }
        return db.selectFrom(AUDIT_EVENT).where(c).orderBy(AUDIT_EVENT.EVENT_ID.desc()).limit(limit)
                .fetch(AuditEvents::of);
    }

    /** Up to {@code max} matching events, oldest first, read lazily and handed out one by one. */
    void export(AuditQuery q, int max, Consumer<AuditEvent> sink) {
        try (var cursor = db.selectFrom(AUDIT_EVENT).where(condition(q)).orderBy(AUDIT_EVENT.EVENT_ID)
                .limit(max).fetchSize(1000).fetchLazy()) {
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
