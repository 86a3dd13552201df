package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.DELETION_HIDDEN;
import static io.roamdesk.jooq.Tables.DELETION_LOG;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;

import io.roamdesk.core.SizedStatement;
import io.roamdesk.jooq.tables.records.DeletionLogRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The one-way deletion log (keyed by app + owner) and what each delete by ids asked for (keyed by
 * app + conversation + owner, like message_hidden). Watermarks live in {@link WatermarkLogRepository}.
 */
@Repository
class DeletionLogRepository {

    private final DSLContext db;

    DeletionLogRepository(DSLContext db) {
        this.db = db;
    }

    void insert(long appId, String owner, long deletionId, DeletionEntry.Kind kind, @Nullable ConversationRef ref,
            @Nullable Long beforeTime, int count, Deleter by, long now) {
        db.insertInto(DELETION_LOG)
                .set(DELETION_LOG.APP_ID, appId)
                .set(DELETION_LOG.OWNER, owner)
                .set(DELETION_LOG.DELETION_ID, deletionId)
                .set(DELETION_LOG.KIND, kind.name())
                .set(DELETION_LOG.CHAT_TYPE, ref == null ? null : ref.chatType().wire())
                .set(DELETION_LOG.CONV_ID, ref == null ? null : ref.convId())
                .set(DELETION_LOG.CONV_KEY, ref == null ? null : ref.convKey())
                .set(DELETION_LOG.BEFORE_TIME, beforeTime)
                .set(DELETION_LOG.MESSAGES, count)
                .set(DELETION_LOG.ACTOR, by.name())
                .set(DELETION_LOG.ACTOR_ROLE, by.role())
                .set(DELETION_LOG.REASON, by.reason())
                .set(DELETION_LOG.DELETED_AT, now)
                .execute();
    }

    /** The entry, locked: two undos of one deletion queue up here. */
    Optional<DeletionLogRecord> lock(long appId, String owner, long deletionId) {
        return db.selectFrom(DELETION_LOG)
                .where(DELETION_LOG.APP_ID.eq(appId)).and(DELETION_LOG.OWNER.eq(owner))
                .and(DELETION_LOG.DELETION_ID.eq(deletionId))
                .forUpdate().fetchOptional();
    }

    /** The owner's newest deletions first, older than {@code beforeId} (keyset). */
    List<DeletionLogRecord> recent(long appId, String owner, long beforeId, int limit) {
        return db.selectFrom(DELETION_LOG)
                .where(DELETION_LOG.APP_ID.eq(appId)).and(DELETION_LOG.OWNER.eq(owner))
                .and(DELETION_LOG.DELETION_ID.lt(beforeId))
                .orderBy(DELETION_LOG.DELETION_ID.desc())
                .limit(limit)
                .fetch();
    }

    boolean markUndone(long appId, String owner, long deletionId, long now, String by, String reason) {
        return db.update(DELETION_LOG)
                .set(DELETION_LOG.UNDONE_AT, now)
                .set(DELETION_LOG.UNDONE_BY, by)
                .set(DELETION_LOG.UNDO_REASON, reason)
                .where(DELETION_LOG.APP_ID.eq(appId)).and(DELETION_LOG.OWNER.eq(owner))
                .and(DELETION_LOG.DELETION_ID.eq(deletionId)).and(DELETION_LOG.UNDONE_AT.isNull())
                .execute() == 1;
    }

    /** The app's deletions from before {@code cutoff} whose undo data is still kept, oldest first. */
    List<DeletionLogRecord> unprunedBefore(long appId, long cutoff, int limit) {
        return db.selectFrom(DELETION_LOG)
                .where(DELETION_LOG.APP_ID.eq(appId)).and(DELETION_LOG.UNDO_PRUNED_AT.isNull())
                .and(DELETION_LOG.DELETED_AT.lt(cutoff))
                .orderBy(DELETION_LOG.DELETED_AT, DELETION_LOG.OWNER, DELETION_LOG.DELETION_ID)
                .limit(limit)
                .fetch();
    }

    boolean markPruned(long appId, String owner, long deletionId, long now) {
        return db.update(DELETION_LOG).set(DELETION_LOG.UNDO_PRUNED_AT, now)
                .where(DELETION_LOG.APP_ID.eq(appId)).and(DELETION_LOG.OWNER.eq(owner))
                .and(DELETION_LOG.DELETION_ID.eq(deletionId)).and(DELETION_LOG.UNDO_PRUNED_AT.isNull())
                .execute() == 1;
    }

    // ---- deletes by ids

    /** Every id the deletion asked for; true where it created the message_hidden row itself. */
    void insertAsked(long appId, String convKey, String owner, long deletionId, Map<Long, Boolean> createdRow) {
        if (createdRow.isEmpty()) {
            return;
        }
        for (List<Long> part : SizedStatements.chunks(createdRow.keySet())) {
            List<Object> binds = new ArrayList<>(part.size() * 6);
            part.forEach(id -> binds.addAll(List.of(appId, convKey, owner, id, deletionId, createdRow.get(id))));
            Object[] values = binds.toArray();
            db.connectionResult(c -> ASKED.update(c, part.size(), values, db::render));
        }
    }

    /** The log of a delete by ids, rendered once per number of ids (SizedStatement). */
    private static final SizedStatement ASKED = new SizedStatement(SizedStatements.MAX, 0, 6, n -> {
        var insert = DSL.insertInto(DELETION_HIDDEN, DELETION_HIDDEN.APP_ID, DELETION_HIDDEN.CONV_KEY,
                DELETION_HIDDEN.OWNER, DELETION_HIDDEN.MSG_ID, DELETION_HIDDEN.DELETION_ID, DELETION_HIDDEN.CREATED_ROW);
        for (int i = 0; i < n; i++) {
            insert = insert.values(0L, "", "", 0L, 0L, false);
        }
        return insert;
    });

    /** What the deletion asked for: id → whether it created the hidden row. */
    Map<Long, Boolean> askedBy(long appId, String convKey, String owner, long deletionId) {
        return db.select(DELETION_HIDDEN.MSG_ID, DELETION_HIDDEN.CREATED_ROW).from(DELETION_HIDDEN)
                .where(DELETION_HIDDEN.APP_ID.eq(appId)).and(DELETION_HIDDEN.CONV_KEY.eq(convKey))
                .and(DELETION_HIDDEN.OWNER.eq(owner)).and(DELETION_HIDDEN.DELETION_ID.eq(deletionId))
                .fetchMap(DELETION_HIDDEN.MSG_ID, DELETION_HIDDEN.CREATED_ROW);
    }

    /** Which of these ids another (not undone) logged deletion also asked for. */
    Set<Long> askedByOthers(long appId, String convKey, String owner, Collection<Long> ids, long deletionId) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.selectDistinct(DELETION_HIDDEN.MSG_ID).from(DELETION_HIDDEN)
                .where(DELETION_HIDDEN.APP_ID.eq(appId)).and(DELETION_HIDDEN.CONV_KEY.eq(convKey))
                .and(DELETION_HIDDEN.OWNER.eq(owner)).and(DELETION_HIDDEN.MSG_ID.in(ids))
                .and(DELETION_HIDDEN.DELETION_ID.ne(deletionId))
                .fetchSet(DELETION_HIDDEN.MSG_ID);
    }

    /** The hidden rows of these ids pass to the other deletions that asked for them (the undone one made them). */
    void handOver(long appId, String convKey, String owner, Collection<Long> ids, long fromDeletionId) {
        if (ids.isEmpty()) {
            return;
        }
        db.update(DELETION_HIDDEN).set(DELETION_HIDDEN.CREATED_ROW, true)
                .where(DELETION_HIDDEN.APP_ID.eq(appId)).and(DELETION_HIDDEN.CONV_KEY.eq(convKey))
                .and(DELETION_HIDDEN.OWNER.eq(owner)).and(DELETION_HIDDEN.MSG_ID.in(ids))
                .and(DELETION_HIDDEN.DELETION_ID.ne(fromDeletionId))
                .execute();
    }

    void forgetAsked(long appId, String convKey, String owner, long deletionId) {
        db.deleteFrom(DELETION_HIDDEN)
                .where(DELETION_HIDDEN.APP_ID.eq(appId)).and(DELETION_HIDDEN.CONV_KEY.eq(convKey))
                .and(DELETION_HIDDEN.OWNER.eq(owner)).and(DELETION_HIDDEN.DELETION_ID.eq(deletionId))
                .execute();
    }

    /** The owner sees these messages again (as far as this table hid them). */
    int unhide(long appId, String convKey, String owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.deleteFrom(MESSAGE_HIDDEN)
                .where(MESSAGE_HIDDEN.APP_ID.eq(appId)).and(MESSAGE_HIDDEN.CONV_KEY.eq(convKey))
                .and(MESSAGE_HIDDEN.OWNER.eq(owner)).and(MESSAGE_HIDDEN.MSG_ID.in(ids))
                .execute();
    }
}
