package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.DELETION_WATERMARK;

import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.jooq.tables.records.DeletionWatermarkRecord;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * What each watermark deletion (by time, clear-all) set per conversation, keyed by app + owner like
 * the conversation rows it changes; and the few conversation-row writes an undo needs.
 */
@Repository
class WatermarkLogRepository {

    private final DSLContext db;

    WatermarkLogRepository(DSLContext db) {
        this.db = db;
    }

    /** One conversation's watermark as a deletion set it, and the one it found. */
    record Mark(ConversationRef ref, long watermark, long previous) {
    }

    void insert(long appId, long deletionId, List<Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        var insert = db.insertInto(DELETION_WATERMARK, DELETION_WATERMARK.APP_ID, DELETION_WATERMARK.OWNER,
                DELETION_WATERMARK.CHAT_TYPE, DELETION_WATERMARK.CONV_ID, DELETION_WATERMARK.DELETION_ID,
                DELETION_WATERMARK.CONV_KEY, DELETION_WATERMARK.WATERMARK, DELETION_WATERMARK.PREV_WATERMARK);
        for (Mark m : marks) {
            insert = insert.values(appId, m.ref().owner(), m.ref().chatType().wire(), m.ref().convId(), deletionId,
                    m.ref().convKey(), m.watermark(), m.previous());
        }
        insert.execute();
    }

    /** The conversations a deletion set a watermark on, in the rows' key order. */
    List<ConversationRef> conversationsOf(long appId, String owner, long deletionId) {
        return db.select(DELETION_WATERMARK.CHAT_TYPE, DELETION_WATERMARK.CONV_ID).from(DELETION_WATERMARK)
                .where(DELETION_WATERMARK.APP_ID.eq(appId)).and(DELETION_WATERMARK.OWNER.eq(owner))
                .and(DELETION_WATERMARK.DELETION_ID.eq(deletionId))
                .orderBy(DELETION_WATERMARK.CHAT_TYPE, DELETION_WATERMARK.CONV_ID)
                .fetch(r -> new ConversationRef(owner, ChatType.parse(r.value1()), r.value2()));
    }

    /**
     * Every logged watermark of one conversation, oldest deletion first: a locking read, so that it
     * sees a deletion committed after this transaction's snapshot was taken (REPEATABLE READ).
     */
    List<DeletionWatermarkRecord> marksFor(long appId, ConversationRef ref) {
        return db.selectFrom(DELETION_WATERMARK).where(markRow(appId, ref))
                .orderBy(DELETION_WATERMARK.DELETION_ID)
                .forUpdate()
                .fetch();
    }

    void setPrevious(long appId, ConversationRef ref, long deletionId, long previous) {
        db.update(DELETION_WATERMARK).set(DELETION_WATERMARK.PREV_WATERMARK, previous)
                .where(markRow(appId, ref)).and(DELETION_WATERMARK.DELETION_ID.eq(deletionId))
                .execute();
    }

    void forget(long appId, ConversationRef ref, long deletionId) {
        db.deleteFrom(DELETION_WATERMARK).where(markRow(appId, ref)).and(DELETION_WATERMARK.DELETION_ID.eq(deletionId))
                .execute();
    }

    /** Drops the conversation's logged watermarks of this deletion and of every older one. */
    void forgetUpTo(long appId, ConversationRef ref, long deletionId) {
        db.deleteFrom(DELETION_WATERMARK).where(markRow(appId, ref)).and(DELETION_WATERMARK.DELETION_ID.le(deletionId))
                .execute();
    }

    /** Every conversation row of the owner, locked in key order (a clear-all changes them all). */
    List<ConversationRecord> lockAllOf(long appId, String owner) {
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .orderBy(CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE, CONVERSATION.CONV_ID)
                .forUpdate()
                .fetch();
    }

    /** Sets (also lowers, for an undo) the owner's watermark of one conversation. */
    void setClearedBefore(long appId, ConversationRef ref, long watermark) {
        db.update(CONVERSATION).set(CONVERSATION.CLEARED_BEFORE_MSG_ID, watermark)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(ref.owner()))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(ref.chatType())))
                .and(CONVERSATION.CONV_ID.eq(ref.convId()))
                .execute();
    }

    private static Condition markRow(long appId, ConversationRef ref) {
        return DELETION_WATERMARK.APP_ID.eq(appId).and(DELETION_WATERMARK.OWNER.eq(ref.owner()))
                .and(DELETION_WATERMARK.CHAT_TYPE.eq(ref.chatType().wire()))
                .and(DELETION_WATERMARK.CONV_ID.eq(ref.convId()));
    }
}
