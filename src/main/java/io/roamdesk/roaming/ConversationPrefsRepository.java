package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.APP_USER;
import static io.roamdesk.jooq.Tables.CONVERSATION;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;


import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The owner's own state of its conversation rows: pins, marks and read pointers, and the pinned and
 * marked lists. Every statement is bounded by app + owner (the conversation index's shard key).
 */
@Repository
class ConversationPrefsRepository {

    private final DSLContext db;

    ConversationPrefsRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Serialises the owner's pin changes on the owner's user row (created when missing), so two
     * concurrent pins can never both see 49 pinned and make 51.
     */
    void lockOwner(long appId, String owner, long now) {
        db.insertInto(APP_USER, APP_USER.APP_ID, APP_USER.USERNAME, APP_USER.CREATED_AT).values(appId, owner, now)
                .onDuplicateKeyIgnore().execute();
        db.select(APP_USER.USERNAME).from(APP_USER)
                .where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.eq(owner))
                .forUpdate().fetch();
    }

    /** The pins the owner's pinned list shows (a pin of a conversation gone from the list does not count). */
    int countPinned(long appId, String owner, boolean restInList, long capBoundary) {
        return db.fetchCount(CONVERSATION, owned(appId, owner, restInList, capBoundary, null)
                .and(CONVERSATION.PINNED_AT.isNotNull()));
    }

    /** The owner's newest pin time, 0 when none: pin times are kept unique per owner (the pinned list's keyset). */
    long newestPin(long appId, String owner) {
        Long v = db.select(max(CONVERSATION.PINNED_AT)).from(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .fetchOne(0, Long.class);
        return v == null ? 0L : v;
    }

    Optional<ConversationRecord> one(long appId, ConversationRef ref) {
        return db.selectFrom(CONVERSATION).where(ownerRow(appId, ref)).fetchOptional();
    }

    /** The owner's rows among these conversations (missing ones are left out). */
    List<ConversationRecord> rows(long appId, String owner, Collection<ConversationRef> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        var keys = refs.stream().map(r -> DSL.row(JooqEnums.conversationChatType(r.chatType()), r.convId())).toList();
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(DSL.row(CONVERSATION.CHAT_TYPE, CONVERSATION.CONV_ID).in(keys))
                .fetch();
    }

    /** Pins (a time) or unpins ({@code null}) one row. */
    int setPinned(long appId, ConversationRef ref, @Nullable Long pinnedAt) {
        return db.update(CONVERSATION).set(CONVERSATION.PINNED_AT, pinnedAt).where(ownerRow(appId, ref)).execute();
    }

    /** Sets or clears one mark's bit on the owner's rows among {@code refs}. */
    int setMark(long appId, String owner, Collection<ConversationRef> refs, int mark, boolean on) {
        var keys = refs.stream().map(r -> DSL.row(JooqEnums.conversationChatType(r.chatType()), r.convId())).toList();
        int bit = Marks.bit(mark);
        return db.update(CONVERSATION)
                .set(CONVERSATION.MARKS, on ? CONVERSATION.MARKS.bitOr(inline(bit)) : CONVERSATION.MARKS.bitAnd(inline(~bit)))
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(DSL.row(CONVERSATION.CHAT_TYPE, CONVERSATION.CONV_ID).in(keys))
                .execute();
    }

    /** Moves the read pointer up to {@code msgId}; it never moves back. */
    int raiseReadUpTo(long appId, ConversationRef ref, long msgId) {
        return db.update(CONVERSATION)
                .set(CONVERSATION.READ_UP_TO_MSG_ID, greatest(CONVERSATION.READ_UP_TO_MSG_ID, val(msgId)))
                .where(ownerRow(appId, ref)).execute();
    }

    /**
     * "All read": every own row of the owner is read up to its newest message (big-group rows: one by
     * one), its unread counter 0; answers how many read pointers moved. Each statement decides per row
     * under the row's lock, so a send committing in between is counted on a row read before it.
     */
    int readAll(long appId, String owner) {
        db.update(CONVERSATION).set(CONVERSATION.UNREAD_NUM, 0)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.READ_UP_TO_MSG_ID.ge(CONVERSATION.LAST_MSG_ID))
                .and(CONVERSATION.UNREAD_NUM.isNull().or(CONVERSATION.UNREAD_NUM.ne(0)))
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.isNull())
                .execute();
        return db.update(CONVERSATION)
                .set(CONVERSATION.UNREAD_NUM, 0)
                .set(CONVERSATION.READ_UP_TO_MSG_ID, greatest(CONVERSATION.READ_UP_TO_MSG_ID, CONVERSATION.LAST_MSG_ID))
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.READ_UP_TO_MSG_ID.lt(CONVERSATION.LAST_MSG_ID))
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.isNull())
                .execute();
    }

    List<ConversationRecord> pinned(long appId, String owner, boolean restInList, long capBoundary, @Nullable Integer mark,
            @Nullable Long beforePinnedAt, int limit) {
        return pinnedQuery(appId, owner, restInList, capBoundary, mark, beforePinnedAt, limit).fetch();
    }

    List<ConversationRecord> marked(long appId, String owner, boolean restInList, long capBoundary, int mark,
            @Nullable Long beforeLastMsgId, int limit) {
        return markedQuery(appId, owner, restInList, capBoundary, mark, beforeLastMsgId, limit).fetch();
    }

    /**
     * The owner's pinned rows that pass the list rule, newest pin first, below {@code beforePinnedAt}
     * (keyset), only those within the cap (activity at or above {@code capBoundary}), optionally with
     * one mark.
     */
    ResultQuery<ConversationRecord> pinnedQuery(long appId, String owner, boolean restInList, long capBoundary,
            @Nullable Integer mark, @Nullable Long beforePinnedAt, int limit) {
        Condition c = owned(appId, owner, restInList, capBoundary, mark).and(CONVERSATION.PINNED_AT.isNotNull());
        if (beforePinnedAt != null) {
            c = c.and(CONVERSATION.PINNED_AT.lt(beforePinnedAt));
        }
        return db.selectFrom(CONVERSATION).where(c).orderBy(CONVERSATION.PINNED_AT.desc()).limit(limit);
    }

    /** The owner's listed rows with one mark, newest activity first, below {@code beforeLastMsgId} (keyset). */
    ResultQuery<ConversationRecord> markedQuery(long appId, String owner, boolean restInList, long capBoundary, int mark,
            @Nullable Long beforeLastMsgId, int limit) {
        Condition c = owned(appId, owner, restInList, capBoundary, mark);
        if (beforeLastMsgId != null) {
            c = c.and(CONVERSATION.LAST_MSG_ID.lt(beforeLastMsgId));
        }
        return db.selectFrom(CONVERSATION).where(c).orderBy(CONVERSATION.LAST_MSG_ID.desc()).limit(limit);
    }

    private static Condition owned(long appId, String owner, boolean restInList, long capBoundary, @Nullable Integer mark) {
        // big-group rows are merged in by BigGroupMerge, with their group's newest message
        Condition c = CONVERSATION.APP_ID.eq(appId).and(CONVERSATION.OWNER.eq(owner))
                .and(Listing.condition(restInList))
                .and(CONVERSATION.LAST_MSG_ID.ge(capBoundary))
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.isNull());
        return mark == null ? c : c.and(CONVERSATION.MARKS.bitAnd(inline(Marks.bit(mark))).ne(inline(0)));
    }

    private static Condition ownerRow(long appId, ConversationRef ref) {
        return CONVERSATION.APP_ID.eq(appId).and(CONVERSATION.OWNER.eq(ref.owner()))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(ref.chatType())))
                .and(CONVERSATION.CONV_ID.eq(ref.convId()));
    }
}
