package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.APP_USER;
import static io.roamdesk.jooq.Tables.CHAT_GROUP;
import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.GROUP_MEMBER;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.roamdesk.jooq.enums.ConversationChatType;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.jooq.tables.records.MessageRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Every query of the roaming domain. Each is bounded by app + owner (conversation index) or
 * app + conversation key (messages, one-way deletions): the shard keys of a future distributed
 * deployment. Paging is keyset on ids; no OFFSET over history.
 */
@Repository
class RoamingRepository {

    private final DSLContext db;

    RoamingRepository(DSLContext db) {
        this.db = db;
    }

    // ---- ingest

    void ensureUsers(long appId, Collection<String> usernames, long now) {
        var insert = db.insertInto(APP_USER, APP_USER.APP_ID, APP_USER.USERNAME, APP_USER.CREATED_AT);
        for (String u : new java.util.TreeSet<>(usernames)) {
            insert = insert.values(appId, u, now);
        }
        insert.onDuplicateKeyIgnore().execute();
    }

    /** Rows are always locked in primary-key order, so concurrent writers cannot deadlock on each other's rows. */
    static final java.util.Comparator<ConversationRef> LOCK_ORDER = java.util.Comparator.comparing(ConversationRef::owner)
            .thenComparing(r -> r.chatType().wire()).thenComparing(ConversationRef::convId);

    /** Many messages in one statement (a gateway batch). */
    void insertMessages(long appId, List<StoredMessage> messages) {
        var insert = db.insertInto(MESSAGE, MESSAGE.APP_ID, MESSAGE.CONV_KEY, MESSAGE.MSG_ID, MESSAGE.SENDER, MESSAGE.TARGET,
                MESSAGE.CHAT_TYPE, MESSAGE.BODY_TYPE, MESSAGE.BODY, MESSAGE.EXT, MESSAGE.ORIGIN, MESSAGE.SERVER_TS);
        for (StoredMessage m : messages) {
            insert = insert.values(appId, m.convKey(), m.msgId(), m.from(), m.to(), JooqEnums.messageChatType(m.chatType()),
                    JooqEnums.bodyType(m.bodyType()), JSON.json(m.body()), m.ext() == null ? null : JSON.json(m.ext()),
                    JooqEnums.messageOrigin(m.origin()), m.timestamp());
        }
        insert.execute();
    }

    /** The newest message a send or a batch brings to one owner's conversation row. */
    record Arrival(ConversationRef ref, long msgId, Origin origin) {
    }

    /**
     * Moves (or adds) each conversation to the top of its owner's list and shows its newest message:
     * one multi-row upsert for any number of rows (a single send brings two, a gateway batch up to
     * a thousand). Rows go in primary-key order, so concurrent writers lock them in the same order;
     * the upsert takes exclusive locks at once, with no shared lock to upgrade.
     */
    void touchMany(long appId, List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return;
        }
        var insert = db.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID,
                CONVERSATION.LATEST_VISIBLE_MSG_ID, CONVERSATION.LATEST_VISIBLE_ORIGIN, CONVERSATION.HIDDEN,
                CONVERSATION.CLEARED_BEFORE_MSG_ID);
        for (Arrival a : arrivals.stream().sorted(java.util.Comparator.comparing(Arrival::ref, LOCK_ORDER)).toList()) {
            insert = insert.values(appId, a.ref().owner(), JooqEnums.conversationChatType(a.ref().chatType()),
                    a.ref().convId(), a.ref().convKey(), a.msgId(), a.msgId(), JooqEnums.conversationOrigin(a.origin()), false, 0L);
        }
        onArrival(insert.onDuplicateKeyUpdate(), inserted(CONVERSATION.LAST_MSG_ID),
                inserted(CONVERSATION.LATEST_VISIBLE_ORIGIN)).execute();
    }

    /**
     * The value a multi-row upsert proposed for this row: {@code VALUES(col)}, which MariaDB and MySQL 8
     * both run. MySQL 8.0.20 deprecates it for a row alias that MariaDB lacks (and that jOOQ 3.19.27
     * renders without the alias for multi-row inserts), hence jOOQ's deprecated MySQLDSL.values.
     */
    @SuppressWarnings("removal")
    private static <T> Field<T> inserted(Field<T> column) {
        return org.jooq.util.mysql.MySQLDSL.values(column);
    }

    /** Write fan-out of a group message: one statement upserts every member's conversation row. */
    int fanOutToGroup(long appId, String groupId, String convKey, long msgId, Origin origin) {
        var select = db.select(GROUP_MEMBER.APP_ID, GROUP_MEMBER.USERNAME,
                        inline(ConversationChatType.groupchat), GROUP_MEMBER.GROUP_ID, val(convKey), val(msgId),
                        val(msgId), val(JooqEnums.conversationOrigin(origin)), inline(false), inline(0L))
                .from(GROUP_MEMBER)
                .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq(groupId));
        var insert = db.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID,
                CONVERSATION.LATEST_VISIBLE_MSG_ID, CONVERSATION.LATEST_VISIBLE_ORIGIN, CONVERSATION.HIDDEN,
                CONVERSATION.CLEARED_BEFORE_MSG_ID).select(select);
        return onArrival(insert.onDuplicateKeyUpdate(), msgId, origin).execute();
    }

    // MySQL applies these left to right: the origin must be decided before the id it compares with changes
    private static <S extends org.jooq.InsertOnDuplicateSetStep<ConversationRecord>> org.jooq.InsertOnDuplicateSetMoreStep<ConversationRecord>
            onArrival(S step, long msgId, Origin origin) {
        return onArrival(step, val(msgId), val(JooqEnums.conversationOrigin(origin)));
    }

    private static <S extends org.jooq.InsertOnDuplicateSetStep<ConversationRecord>> org.jooq.InsertOnDuplicateSetMoreStep<ConversationRecord>
            onArrival(S step, Field<Long> msgId, Field<io.roamdesk.jooq.enums.ConversationLatestVisibleOrigin> origin) {
        // a message that commits after a delete-by-time whose watermark covers it stays hidden: never the latest
        Condition newer = CONVERSATION.LATEST_VISIBLE_MSG_ID.isNull().or(CONVERSATION.LATEST_VISIBLE_MSG_ID.lt(msgId))
                .and(CONVERSATION.CLEARED_BEFORE_MSG_ID.lt(msgId));
        return step
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, when(newer, origin).otherwise(CONVERSATION.LATEST_VISIBLE_ORIGIN))
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, when(newer, msgId).otherwise(CONVERSATION.LATEST_VISIBLE_MSG_ID))
                .set(CONVERSATION.LAST_MSG_ID, greatest(CONVERSATION.LAST_MSG_ID, msgId))
                .set(CONVERSATION.HIDDEN, false);
    }

    // ---- groups

    boolean groupExists(long appId, String groupId) {
        return db.fetchExists(CHAT_GROUP, CHAT_GROUP.APP_ID.eq(appId).and(CHAT_GROUP.GROUP_ID.eq(groupId)));
    }

    boolean isMember(long appId, String groupId, String username) {
        return db.fetchExists(GROUP_MEMBER, GROUP_MEMBER.APP_ID.eq(appId).and(GROUP_MEMBER.GROUP_ID.eq(groupId))
                .and(GROUP_MEMBER.USERNAME.eq(username)));
    }

    void insertGroup(long appId, String groupId, String name, String owner, long now) {
        db.insertInto(CHAT_GROUP)
                .set(CHAT_GROUP.APP_ID, appId).set(CHAT_GROUP.GROUP_ID, groupId).set(CHAT_GROUP.GROUP_NAME, name)
                .set(CHAT_GROUP.OWNER, owner).set(CHAT_GROUP.CREATED_AT, now)
                .execute();
    }

    void addMembers(long appId, String groupId, Collection<String> members, long now) {
        var insert = db.insertInto(GROUP_MEMBER, GROUP_MEMBER.APP_ID, GROUP_MEMBER.GROUP_ID, GROUP_MEMBER.USERNAME,
                GROUP_MEMBER.JOINED_AT);
        for (String m : members) {
            insert = insert.values(appId, groupId, m, now);
        }
        insert.onDuplicateKeyIgnore().execute();
    }

    int removeMembers(long appId, String groupId, Collection<String> members) {
        return db.deleteFrom(GROUP_MEMBER)
                .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq(groupId))
                .and(GROUP_MEMBER.USERNAME.in(members))
                .execute();
    }

    List<String> members(long appId, String groupId) {
        return db.select(GROUP_MEMBER.USERNAME).from(GROUP_MEMBER)
                .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq(groupId))
                .fetch(GROUP_MEMBER.USERNAME);
    }

    boolean userExists(long appId, String username) {
        return db.fetchExists(APP_USER, APP_USER.APP_ID.eq(appId).and(APP_USER.USERNAME.eq(username)));
    }

    List<String> usernamesStartingWith(long appId, String prefix, int limit) {
        return db.select(APP_USER.USERNAME).from(APP_USER)
                .where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.startsWith(prefix))
                .orderBy(APP_USER.USERNAME).limit(limit)
                .fetch(APP_USER.USERNAME);
    }

    // ---- conversation index

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
     * One page of an owner's list, newest activity first, starting after {@code beforeLastMsgId}
     * (keyset) or at {@code offset} rows (page numbers, bounded by the app's cap).
     */
    List<ConversationRecord> listConversations(long appId, String owner, boolean includeRest, boolean includeInvisible,
            @Nullable Long beforeLastMsgId, long afterLastMsgId, int offset, int limit) {
        return listQuery(appId, owner, includeRest, includeInvisible, beforeLastMsgId, afterLastMsgId, offset, limit).fetch();
    }

    /** The list query itself, also for the plan checks in the tests. */
    ResultQuery<ConversationRecord> listQuery(long appId, String owner, boolean includeRest, boolean includeInvisible,
            @Nullable Long beforeLastMsgId, long afterLastMsgId, int offset, int limit) {
        Condition c = CONVERSATION.APP_ID.eq(appId).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.LAST_MSG_ID.gt(afterLastMsgId));
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
                .limit(cap);
        return db.fetchValue(db.selectCount().from(newer.asTable("listed_newer")));
    }

    /** The rows of these owners for one conversation type (the participants' rows of a delete-for-all). */
    List<ConversationRecord> conversations(long appId, ChatType type, Collection<ConversationRef> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var keys = rows.stream().map(r -> row(r.owner(), r.convId())).toList();
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(type)))
                .and(row(CONVERSATION.OWNER, CONVERSATION.CONV_ID).in(keys))
                .fetch();
    }

    /** Locks the owner's row so a concurrent arrival cannot interleave with a recompute. */
    Optional<ConversationRecord> lockConversation(long appId, ConversationRef ref) {
        return db.selectFrom(CONVERSATION).where(ownerRow(appId, ref)).forUpdate().fetchOptional();
    }

    List<ConversationRecord> conversationsOf(long appId, String owner, int limit) {
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .orderBy(CONVERSATION.LAST_MSG_ID.desc())
                .limit(limit)
                .fetch();
    }

    void setHidden(long appId, ConversationRef ref, boolean hidden) {
        db.update(CONVERSATION).set(CONVERSATION.HIDDEN, hidden).where(ownerRow(appId, ref)).execute();
    }

    /**
     * Raises the owner's watermark, creating the row (empty, not listed) when no message has reached
     * it yet: a message sent before the watermark that commits later must still be hidden. An upsert
     * locks the row at once, so concurrent deletes and sends on a new row never deadlock.
     */
    void raiseClearedBefore(long appId, ConversationRef ref, long watermark) {
        db.insertInto(CONVERSATION)
                .set(CONVERSATION.APP_ID, appId)
                .set(CONVERSATION.OWNER, ref.owner())
                .set(CONVERSATION.CHAT_TYPE, JooqEnums.conversationChatType(ref.chatType()))
                .set(CONVERSATION.CONV_ID, ref.convId())
                .set(CONVERSATION.CONV_KEY, ref.convKey())
                .set(CONVERSATION.LAST_MSG_ID, 0L)
                .set(CONVERSATION.HIDDEN, false)
                .set(CONVERSATION.CLEARED_BEFORE_MSG_ID, watermark)
                .onDuplicateKeyUpdate()
                .set(CONVERSATION.CLEARED_BEFORE_MSG_ID, greatest(CONVERSATION.CLEARED_BEFORE_MSG_ID, val(watermark)))
                .execute();
    }

    void setLatestVisible(long appId, ConversationRef ref, @Nullable Long msgId, @Nullable Origin origin) {
        db.update(CONVERSATION)
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, msgId)
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, JooqEnums.conversationOrigin(origin))
                .where(ownerRow(appId, ref)).execute();
    }

    /** Clear-all: every conversation of the owner forgets everything up to its newest message. */
    int clearAll(long appId, String owner) {
        return db.update(CONVERSATION)
                .set(CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.LAST_MSG_ID)
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, (Long) null)
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, (io.roamdesk.jooq.enums.ConversationLatestVisibleOrigin) null)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .execute();
    }

    /** After a delete-for-all up to {@code boundary}: rows whose latest visible message is gone show nothing. */
    int forgetLatestUpTo(long appId, ChatType type, Collection<ConversationRef> rows, long boundary) {
        var keys = rows.stream().map(r -> row(r.owner(), r.convId())).toList();
        return db.update(CONVERSATION)
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, (Long) null)
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, (io.roamdesk.jooq.enums.ConversationLatestVisibleOrigin) null)
                .where(CONVERSATION.APP_ID.eq(appId))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(type)))
                .and(row(CONVERSATION.OWNER, CONVERSATION.CONV_ID).in(keys))
                .and(CONVERSATION.LATEST_VISIBLE_MSG_ID.le(boundary))
                .execute();
    }

    private static Condition ownerRow(long appId, ConversationRef ref) {
        return CONVERSATION.APP_ID.eq(appId).and(CONVERSATION.OWNER.eq(ref.owner()))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(ref.chatType())))
                .and(CONVERSATION.CONV_ID.eq(ref.convId()));
    }

    // ---- messages

    /** The messages with these ids, each looked up by its conversation's key. */
    Map<Long, MessageRecord> messagesByKey(long appId, Collection<Map.Entry<String, Long>> convKeyAndIds) {
        Map<Long, MessageRecord> out = new HashMap<>();
        if (convKeyAndIds.isEmpty()) {
            return out;
        }
        var keys = convKeyAndIds.stream().map(e -> row(e.getKey(), e.getValue())).toList();
        db.selectFrom(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(row(MESSAGE.CONV_KEY, MESSAGE.MSG_ID).in(keys))
                .forEach(r -> out.put(r.getMsgId(), r));
        return out;
    }

    /** Which of {@code ids} are messages of this conversation (deleted-for-all ones included). */
    Set<Long> idsInConversation(long appId, String convKey, Collection<Long> ids) {
        return db.select(MESSAGE.MSG_ID).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.in(ids))
                .fetchSet(MESSAGE.MSG_ID);
    }

    /**
     * A keyset page of history: ids strictly beyond {@code startExclusive} in the direction, within
     * the id range, visible to the owner unless {@code showDeleted}. Fetches {@code limit} rows.
     */
    List<MessageRecord> history(long appId, String convKey, String owner, long clearedBefore, HistoryFilter filter,
            Direction direction, long startExclusive, boolean showDeleted, int limit) {
        return historyQuery(appId, convKey, owner, clearedBefore, filter, direction, startExclusive, showDeleted, limit)
                .fetchInto(MESSAGE);
    }

    /** The history query itself, also for the plan checks in the tests. */
    ResultQuery<Record> historyQuery(long appId, String convKey, String owner, long clearedBefore,
            HistoryFilter filter, Direction direction, long startExclusive, boolean showDeleted, int limit) {
        Condition c = MESSAGE.APP_ID.eq(appId).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.between(filter.minId(), filter.maxId()));
        c = c.and(direction == Direction.UP ? MESSAGE.MSG_ID.lt(startExclusive) : MESSAGE.MSG_ID.gt(startExclusive));
        if (!showDeleted) {
            c = c.and(visible(clearedBefore));
        }
        if (filter.sender() != null) {
            c = c.and(MESSAGE.SENDER.eq(filter.sender()));
        }
        if (!filter.bodyTypes().isEmpty()) {
            c = c.and(MESSAGE.BODY_TYPE.in(filter.bodyTypes().stream().map(JooqEnums::bodyType).toList()));
        }
        return db.select(MESSAGE.fields()).from(showDeleted ? MESSAGE : withHidden(owner)).where(c)
                .orderBy(direction == Direction.UP ? MESSAGE.MSG_ID.desc() : MESSAGE.MSG_ID.asc())
                .limit(limit);
    }

    /** Which of these message ids the owner deleted one-way. */
    Set<Long> hiddenAmong(long appId, String convKey, String owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.select(MESSAGE_HIDDEN.MSG_ID).from(MESSAGE_HIDDEN)
                .where(MESSAGE_HIDDEN.APP_ID.eq(appId)).and(MESSAGE_HIDDEN.CONV_KEY.eq(convKey))
                .and(MESSAGE_HIDDEN.OWNER.eq(owner)).and(MESSAGE_HIDDEN.MSG_ID.in(ids))
                .fetchSet(MESSAGE_HIDDEN.MSG_ID);
    }

    /** The newest message of the conversation the owner can still see. */
    Optional<MessageRecord> newestVisible(long appId, String convKey, String owner, long clearedBefore, long below) {
        return db.select(MESSAGE.fields()).from(withHidden(owner))
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.lt(below))
                .and(visible(clearedBefore))
                .orderBy(MESSAGE.MSG_ID.desc())
                .limit(1)
                .fetchOptionalInto(MESSAGE);
    }

    /** How many messages the owner sees in the id range (for deletion previews). */
    int countVisible(long appId, String convKey, String owner, long clearedBefore, long minId, long maxId) {
        return db.selectCount().from(withHidden(owner))
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.between(minId, maxId)).and(visible(clearedBefore))
                .fetchOne(0, int.class);
    }

    /** How many messages of the conversation are not yet deleted for everyone, up to the boundary. */
    int countNotDeletedForAll(long appId, String convKey, long boundary) {
        return db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(appId).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.le(boundary)).and(MESSAGE.DELETED_FOR_ALL_AT.isNull()));
    }

    int hide(long appId, String convKey, String owner, Collection<Long> ids, long now) {
        var insert = db.insertInto(MESSAGE_HIDDEN, MESSAGE_HIDDEN.APP_ID, MESSAGE_HIDDEN.CONV_KEY, MESSAGE_HIDDEN.OWNER,
                MESSAGE_HIDDEN.MSG_ID, MESSAGE_HIDDEN.DELETED_AT);
        for (Long id : ids) {
            insert = insert.values(appId, convKey, owner, id, now);
        }
        return insert.onDuplicateKeyIgnore().execute();
    }

    /** The id ending the next batch of up to {@code batch} messages after {@code after}, if any. */
    Optional<Long> nextBatchEnd(long appId, String convKey, long after, long boundary, int batch) {
        List<Long> ids = db.select(MESSAGE.MSG_ID).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.gt(after)).and(MESSAGE.MSG_ID.le(boundary))
                .orderBy(MESSAGE.MSG_ID)
                .limit(batch)
                .fetch(MESSAGE.MSG_ID);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }

    /** Marks the messages in the id range (after, upTo] deleted for everyone. */
    int markDeletedForAll(long appId, String convKey, long after, long upTo, long now) {
        return db.update(MESSAGE)
                .set(MESSAGE.DELETED_FOR_ALL_AT, now)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.gt(after)).and(MESSAGE.MSG_ID.le(upTo))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .execute();
    }

    // ---- recall

    /** The message, locked until the end of the transaction (two recalls of one message queue up here). */
    Optional<MessageRecord> lockMessage(long appId, String convKey, long msgId) {
        return db.selectFrom(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.eq(msgId))
                .forUpdate().fetchOptional();
    }

    /** Marks one message recalled: deleted for everyone, and when. */
    int markRecalled(long appId, String convKey, long msgId, long now) {
        return db.update(MESSAGE)
                .set(MESSAGE.DELETED_FOR_ALL_AT, now)
                .set(MESSAGE.RECALLED_AT, now)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.eq(msgId))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .execute();
    }

    /** Locks, in key order, those of these owners' rows whose latest visible message is {@code msgId}. */
    List<ConversationRecord> lockRowsShowing(long appId, ChatType type, Collection<ConversationRef> rows, long msgId) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var keys = rows.stream().map(r -> row(r.owner(), r.convId())).toList();
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(type)))
                .and(row(CONVERSATION.OWNER, CONVERSATION.CONV_ID).in(keys))
                .and(CONVERSATION.LATEST_VISIBLE_MSG_ID.eq(msgId))
                .orderBy(CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE, CONVERSATION.CONV_ID)
                .forUpdate()
                .fetch();
    }

    /** The newest message of the conversation below {@code below} that is not deleted for everyone. */
    Optional<MessageRecord> newestNotDeletedForAll(long appId, String convKey, long below) {
        return db.selectFrom(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.lt(below))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .orderBy(MESSAGE.MSG_ID.desc())
                .limit(1)
                .fetchOptional();
    }

    /** Which of these owners deleted the message one-way. */
    Set<String> ownersHiding(long appId, String convKey, long msgId, Collection<String> owners) {
        if (owners.isEmpty()) {
            return Set.of();
        }
        return db.select(MESSAGE_HIDDEN.OWNER).from(MESSAGE_HIDDEN)
                .where(MESSAGE_HIDDEN.APP_ID.eq(appId)).and(MESSAGE_HIDDEN.CONV_KEY.eq(convKey))
                .and(MESSAGE_HIDDEN.OWNER.in(owners)).and(MESSAGE_HIDDEN.MSG_ID.eq(msgId))
                .fetchSet(MESSAGE_HIDDEN.OWNER);
    }

    /** Sets the latest visible message of many rows of one chat type at once. */
    int setLatestVisible(long appId, ChatType type, Collection<ConversationRef> rows, @Nullable Long msgId,
            @Nullable Origin origin) {
        if (rows.isEmpty()) {
            return 0;
        }
        var keys = rows.stream().map(r -> row(r.owner(), r.convId())).toList();
        return db.update(CONVERSATION)
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, msgId)
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, JooqEnums.conversationOrigin(origin))
                .where(CONVERSATION.APP_ID.eq(appId))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(type)))
                .and(row(CONVERSATION.OWNER, CONVERSATION.CONV_ID).in(keys))
                .execute();
    }

    /**
     * Messages joined with the owner's one-way deletions of the same conversation: an outer join on
     * the deletions' primary key, probed once per message row ("not exists"), which stays a keyset
     * walk on every engine (a NOT EXISTS subquery may be materialised over the whole table).
     */
    private static org.jooq.Table<?> withHidden(String owner) {
        return MESSAGE.leftJoin(MESSAGE_HIDDEN).on(MESSAGE_HIDDEN.APP_ID.eq(MESSAGE.APP_ID),
                MESSAGE_HIDDEN.CONV_KEY.eq(MESSAGE.CONV_KEY), MESSAGE_HIDDEN.OWNER.eq(owner),
                MESSAGE_HIDDEN.MSG_ID.eq(MESSAGE.MSG_ID));
    }

    private static Condition visible(long clearedBefore) {
        return MESSAGE.MSG_ID.gt(clearedBefore)
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .and(MESSAGE_HIDDEN.MSG_ID.isNull());
    }
}
