package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.FOR_ALL_DELETION;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.max;

import io.roamdesk.jooq.tables.records.ForAllDeletionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Deletions for everyone in their grace period (keyed by app + conversation, like the messages
 * they mark), and the purge and restore of their messages, in batches along the primary key.
 */
@Repository
class ForAllDeletionRepository {

    private final DSLContext db;

    ForAllDeletionRepository(DSLContext db) {
        this.db = db;
    }

    void insert(long appId, ConversationRef ref, long deletionId, long boundary, long now, long purgeAfter) {
        db.insertInto(FOR_ALL_DELETION)
                .set(FOR_ALL_DELETION.APP_ID, appId)
                .set(FOR_ALL_DELETION.CONV_KEY, ref.convKey())
                .set(FOR_ALL_DELETION.DELETION_ID, deletionId)
                .set(FOR_ALL_DELETION.OWNER, ref.owner())
                .set(FOR_ALL_DELETION.CHAT_TYPE, ref.chatType().wire())
                .set(FOR_ALL_DELETION.CONV_ID, ref.convId())
                .set(FOR_ALL_DELETION.BOUNDARY_ID, boundary)
                .set(FOR_ALL_DELETION.DELETED_AT, now)
                .set(FOR_ALL_DELETION.PURGE_AFTER, purgeAfter)
                .set(FOR_ALL_DELETION.STATE, ForAllDeletion.State.GRACE.name())
                .execute();
    }

    /** Earlier deletions of the conversation still in grace become due at once. */
    void endGraceBefore(long appId, String convKey, long deletionId, long now) {
        db.update(FOR_ALL_DELETION).set(FOR_ALL_DELETION.PURGE_AFTER, now)
                .where(FOR_ALL_DELETION.APP_ID.eq(appId)).and(FOR_ALL_DELETION.CONV_KEY.eq(convKey))
                .and(FOR_ALL_DELETION.DELETION_ID.lt(deletionId))
                .and(FOR_ALL_DELETION.STATE.eq(ForAllDeletion.State.GRACE.name()))
                .and(FOR_ALL_DELETION.PURGE_AFTER.gt(now))
                .execute();
    }

    Optional<ForAllDeletionRecord> lock(long appId, String convKey, long deletionId) {
        return db.selectFrom(FOR_ALL_DELETION).where(key(appId, convKey, deletionId)).forUpdate().fetchOptional();
    }

    /** The owner's deletions for everyone, newest first. */
    List<ForAllDeletionRecord> ofOwner(long appId, String owner, int limit) {
        return db.selectFrom(FOR_ALL_DELETION)
                .where(FOR_ALL_DELETION.APP_ID.eq(appId)).and(FOR_ALL_DELETION.OWNER.eq(owner))
                .orderBy(FOR_ALL_DELETION.DELETION_ID.desc()).limit(limit).fetch();
    }

    /** Grace periods over, across apps (the purge scheduler's scan; the index is on state + time). */
    List<ForAllDeletionRecord> due(long now, int limit) {
        return db.selectFrom(FOR_ALL_DELETION)
                .where(FOR_ALL_DELETION.STATE.eq(ForAllDeletion.State.GRACE.name()))
                .and(FOR_ALL_DELETION.PURGE_AFTER.le(now))
                .orderBy(FOR_ALL_DELETION.PURGE_AFTER).limit(limit).fetch();
    }

    boolean move(long appId, String convKey, long deletionId, ForAllDeletion.State from, ForAllDeletion.State to) {
        return db.update(FOR_ALL_DELETION).set(FOR_ALL_DELETION.STATE, to.name())
                .where(key(appId, convKey, deletionId)).and(FOR_ALL_DELETION.STATE.eq(from.name()))
                .execute() == 1;
    }

    void purging(long appId, String convKey, long deletionId, long jobId) {
        db.update(FOR_ALL_DELETION).set(FOR_ALL_DELETION.PURGE_JOB_ID, jobId).where(key(appId, convKey, deletionId)).execute();
    }

    void purged(long appId, String convKey, long deletionId, long now, long count) {
        db.update(FOR_ALL_DELETION).set(FOR_ALL_DELETION.STATE, ForAllDeletion.State.PURGED.name())
                .set(FOR_ALL_DELETION.PURGED_AT, now).set(FOR_ALL_DELETION.PURGED, count)
                .where(key(appId, convKey, deletionId)).execute();
    }

    void restored(long appId, String convKey, long deletionId, long now, String by) {
        db.update(FOR_ALL_DELETION).set(FOR_ALL_DELETION.STATE, ForAllDeletion.State.RESTORED.name())
                .set(FOR_ALL_DELETION.RESTORED_AT, now).set(FOR_ALL_DELETION.RESTORED_BY, by)
                .where(key(appId, convKey, deletionId)).execute();
    }

    /**
     * Where this deletion's own messages start: above the newest earlier deletion of the conversation
     * that still stands (not restored), whose messages are that one's to restore or purge.
     */
    long lowerBound(long appId, String convKey, long deletionId) {
        Long below = db.select(max(FOR_ALL_DELETION.BOUNDARY_ID)).from(FOR_ALL_DELETION)
                .where(FOR_ALL_DELETION.APP_ID.eq(appId)).and(FOR_ALL_DELETION.CONV_KEY.eq(convKey))
                .and(FOR_ALL_DELETION.DELETION_ID.lt(deletionId))
                .and(FOR_ALL_DELETION.STATE.ne(ForAllDeletion.State.RESTORED.name()))
                .fetchOne(0, Long.class);
        return below == null ? -1 : below;
    }

    /** The next (at most {@code limit}) deleted-for-all, not recalled message ids in (after, upTo]. */
    List<Long> nextMarked(long appId, String convKey, long after, long upTo, int limit) {
        return db.select(MESSAGE.MSG_ID).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.gt(after)).and(MESSAGE.MSG_ID.le(upTo))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNotNull()).and(MESSAGE.RECALLED_AT.isNull())
                .orderBy(MESSAGE.MSG_ID).limit(limit)
                .fetch(MESSAGE.MSG_ID);
    }

    /** Deletes these messages for good, with every one-way deletion of them. */
    int purge(long appId, String convKey, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        db.deleteFrom(MESSAGE_HIDDEN).where(MESSAGE_HIDDEN.APP_ID.eq(appId)).and(MESSAGE_HIDDEN.CONV_KEY.eq(convKey))
                .and(MESSAGE_HIDDEN.MSG_ID.in(ids)).execute();
        return db.deleteFrom(MESSAGE).where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.in(ids)).and(MESSAGE.DELETED_FOR_ALL_AT.isNotNull()).execute();
    }

    /** Makes these messages visible again (one-way deletions of them still apply). */
    int restore(long appId, String convKey, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.update(MESSAGE).set(MESSAGE.DELETED_FOR_ALL_AT, (Long) null)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.in(ids)).and(MESSAGE.RECALLED_AT.isNull()).execute();
    }

    private static Condition key(long appId, String convKey, long deletionId) {
        return FOR_ALL_DELETION.APP_ID.eq(appId).and(FOR_ALL_DELETION.CONV_KEY.eq(convKey))
                .and(FOR_ALL_DELETION.DELETION_ID.eq(deletionId));
    }
}
