package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static org.jooq.impl.DSL.row;

import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Reads and row locks of the conversation index (one row per owner and conversation): the list
 * query, a row's visibility, lookups. Every statement is bounded by app + owner; changes to the
 * rows are in {@link ConversationUpdateRepository}.
 */
@Repository
class ConversationIndexRepository {

    private final DSLContext db;

    private final io.roamdesk.core.ShardLayout shards;

    ConversationIndexRepository(DSLContext db, org.springframework.beans.factory.ObjectProvider<io.roamdesk.core.ShardLayout> shards) {
        this.shards = shards.getIfAvailable(() -> io.roamdesk.core.ShardLayout.SINGLE);
        this.db = db;
    }

    /**
     * The owner's clear-all watermark (0 when never cleared or no row yet) and newest visible message
     * (null when none, or no row); see {@link ConversationRef#latestBoundsVisibility()}.
     */
    record Visibility(long clearedBefore, @Nullable Long latestVisible) {
    }

    Visibility visibility(long appId, ConversationRef ref) {
        var row = db.select(CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.LATEST_VISIBLE_MSG_ID).from(CONVERSATION)
                .where(ownerRow(appId, ref)).fetchOne();
        return row == null ? new Visibility(0L, null) : new Visibility(row.value1(), row.value2());
    }

    Optional<ConversationRecord> conversation(long appId, ConversationRef ref) {
        return db.selectFrom(CONVERSATION).where(ownerRow(appId, ref)).fetchOptional();
    }

    /**
     * One page of an owner's own rows (big-group rows left out: {@link BigGroupMerge}), newest activity first, starting after {@code beforeLastMsgId}
     * (keyset) or at {@code offset} rows (page numbers, bounded by the app's cap).
     */
    List<ConversationRecord> listConversations(long appId, String owner, boolean includeRest, boolean includeInvisible,
            @Nullable Long beforeLastMsgId, long afterLastMsgId, int offset, int limit) {
        return listQuery(appId, owner, includeRest, includeInvisible, beforeLastMsgId, afterLastMsgId, offset, limit).fetch();
    }

    /** The list query itself, also for the plan checks in the tests. */
    ResultQuery<ConversationRecord> listQuery(long appId, String owner, boolean includeRest, boolean includeInvisible,
            @Nullable Long beforeLastMsgId, long afterLastMsgId, int offset, int limit) {
        // big-group rows are merged in by BigGroupMerge, with their group's newest message
        Condition c = CONVERSATION.APP_ID.eq(appId).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.LAST_MSG_ID.gt(afterLastMsgId)).and(CONVERSATION.FOLLOW_FROM_MSG_ID.isNull());
        if (!includeInvisible) {
            c = c.and(Listing.condition(includeRest));
        }
        if (beforeLastMsgId != null) {
            c = c.and(CONVERSATION.LAST_MSG_ID.lt(beforeLastMsgId));
        }
        return db.selectFrom(CONVERSATION).where(c)
                .orderBy(CONVERSATION.LAST_MSG_ID.desc())
                .limit(limit).offset(offset);
    }

    /**
     * How many of the owner's conversations newer than {@code lastMsgId} pass the list rule, counted
     * up to {@code cap} at most (the index walk stops there): the rank a row would have in the list.
     */
    int countListedNewerThan(long appId, String owner, boolean restInList, long lastMsgId, int cap) {
        var newer = db.select(CONVERSATION.CONV_ID).from(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.LAST_MSG_ID.gt(lastMsgId)).and(Listing.condition(restInList))
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.isNull())
                .limit(cap);
        return db.fetchValue(db.selectCount().from(newer.asTable("listed_newer")));
    }

    /** The rows of these owners for one conversation type (the participants' rows of a delete-for-all). */
    List<ConversationRecord> conversations(long appId, ChatType type, Collection<ConversationRef> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<ConversationRecord> out = new java.util.ArrayList<>();
        for (List<ConversationRef> part : shards.byShard(appId, rows, ConversationRef::owner)) {
            out.addAll(db.selectFrom(CONVERSATION)
                    .where(ConversationIndexRepository.participantRows(appId, type, part))
                    .fetch());
        }
        return out;
    }

    /**
     * These owners' rows of one conversation type, on one shard: the owners themselves too, because
     * ShardingSphere routes on {@code owner IN (…)}, not on a row-value IN.
     */
    static org.jooq.Condition participantRows(long appId, ChatType type, List<ConversationRef> part) {
        return CONVERSATION.APP_ID.eq(appId)
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(type)))
                .and(CONVERSATION.OWNER.in(part.stream().map(ConversationRef::owner).toList()))
                .and(row(CONVERSATION.OWNER, CONVERSATION.CONV_ID).in(part.stream().map(r -> row(r.owner(), r.convId())).toList()));
    }

    /** Locks the owner's row so a concurrent arrival cannot interleave with a recompute. */
    Optional<ConversationRecord> lockConversation(long appId, ConversationRef ref) {
        return db.selectFrom(CONVERSATION).where(ownerRow(appId, ref)).forUpdate().fetchOptional();
    }

    /**
     * Locks every one of these owners' rows, shard by shard and each in key order (one global lock
     * order), and answers them. Unconditionally: a statement that locks only the rows matching a
     * condition (read committed releases the others) would leave a later one to lock the rest out of
     * order, a cycle that across two databases no deadlock detector sees.
     */
    List<ConversationRecord> lockRows(long appId, ChatType type, Collection<ConversationRef> rows) {
        List<ConversationRecord> out = new java.util.ArrayList<>();
        for (List<ConversationRef> part : shards.byShard(appId, rows, ConversationRef::owner)) {
            out.addAll(db.selectFrom(CONVERSATION)
                    .where(ConversationIndexRepository.participantRows(appId, type, part))
                    .orderBy(CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE, CONVERSATION.CONV_ID)
                    .forUpdate()
                    .fetch());
        }
        return out;
    }

    List<ConversationRecord> conversationsOf(long appId, String owner, int limit) {
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .orderBy(CONVERSATION.LAST_MSG_ID.desc())
                .limit(limit)
                .fetch();
    }

    /** The owner's row of one conversation (also for the updates). */
    static Condition ownerRow(long appId, ConversationRef ref) {
        return CONVERSATION.APP_ID.eq(appId).and(CONVERSATION.OWNER.eq(ref.owner()))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(ref.chatType())))
                .and(CONVERSATION.CONV_ID.eq(ref.convId()));
    }
}
