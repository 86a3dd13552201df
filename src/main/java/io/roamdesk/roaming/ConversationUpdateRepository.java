package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.GROUP_MEMBER;
import static io.roamdesk.roaming.ConversationIndexRepository.ownerRow;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.roamdesk.jooq.enums.ConversationChatType;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.core.ShardLayout;
import io.roamdesk.core.SizedStatement;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

/**
 * Every change to the conversation index: arrivals move rows to the top (a send's upsert, a group
 * message's fan-out), deletions and recalls change their hidden flag, watermark and latest visible
 * message. Bounded by app + owner (app + group for the fan-out over its members).
 */
@Repository
class ConversationUpdateRepository {

    private final DSLContext db;
    private final ShardLayout shards;

    ConversationUpdateRepository(DSLContext db, ObjectProvider<ShardLayout> shards) {
        this.db = db;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
    }

    /** Rows are always locked in primary-key order, so concurrent writers cannot deadlock on each other's rows. */
    static final java.util.Comparator<ConversationRef> LOCK_ORDER = java.util.Comparator.comparing(ConversationRef::owner)
            .thenComparing(r -> r.chatType().wire()).thenComparing(ConversationRef::convId);

    /**
     * The newest message a send or a batch brings to one owner's conversation row, and the newest
     * of them the owner sent (0 when none): unread counts start after it; {@code others}: how many
     * of its messages after that one came from others (what the row's unread counter gains), the
     * first of them {@code firstOther} (0 when none).
     */
    record Arrival(ConversationRef ref, long msgId, Origin origin, long ownMsgId, int others, long firstOther) {
    }

    /**
     * Moves (or adds) each conversation to the top of its owner's list and shows its newest message:
     * one multi-row upsert for any number of rows (a single send brings two, a gateway batch up to
     * a thousand). Rows go in primary-key order, so concurrent writers lock them in the same order;
     * the upsert takes exclusive locks at once, with no shared lock to upgrade.
     */
    void touchMany(long appId, List<Arrival> arrivals) {
        if (shards.shards() > 1) {
            // one statement per shard of owners (docs/scaling.md): each upsert is idempotent on its rows
            arrivals.stream().collect(Collectors.groupingBy(a -> shards.shardOf(appId, a.ref().owner()), TreeMap::new,
                    Collectors.toList())).values().forEach(part -> touchShard(appId, part));
        } else {
            touchShard(appId, arrivals);
        }
    }

    private void touchShard(long appId, List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return;
        }
        List<Arrival> inKeyOrder = arrivals.stream().sorted(java.util.Comparator.comparing(Arrival::ref, LOCK_ORDER)).toList();
        long lowest = inKeyOrder.stream().filter(a -> a.others() > 0).mapToLong(Arrival::firstOther).min()
                .orElse(Long.MAX_VALUE);
        if (shards.shards() > 1) {
            // inlined: ShardingSphere 5.5.2 loses bind values of an update clause when it rewrites a multi-row insert
            var upsert = arrivalUpsert(appId, inKeyOrder, inline(lowest));
            db.attach(upsert);
            upsert.execute();
            return;
        }
        // the hot statement of every send: rendered once per number of rows, then only bound (SizedStatement)
        Object[] binds = new Object[inKeyOrder.size() * ARRIVAL_COLUMNS + 1];
        for (int row = 0; row < inKeyOrder.size(); row++) {
            System.arraycopy(ArrivalRow.of(appId, inKeyOrder.get(row)).binds(), 0, binds, row * ARRIVAL_COLUMNS, ARRIVAL_COLUMNS);
        }
        binds[binds.length - 1] = lowest;
        db.connectionResult(c -> TOUCH.update(c, inKeyOrder.size(), binds, db::render));
    }

    private static final int ARRIVAL_COLUMNS = 12;

    /** A send's upsert of any number of rows: a gateway batch of 500 single-chat messages touches 1,000. */
    private static final SizedStatement TOUCH = new SizedStatement(2 * IngestService.MAX_BATCH, 1, ARRIVAL_COLUMNS,
            n -> arrivalUpsert(0L, java.util.Collections.nCopies(n, new Arrival(new ConversationRef("a", ChatType.CHAT, "b"),
                    0L, Origin.REST, 0L, 0, 0L)), val(0L)));

    // the proposed unread_num carries the arrival's count of others' messages into the update
    private static org.jooq.Query arrivalUpsert(long appId, List<Arrival> inKeyOrder, Field<Long> lowest) {
        var insert = DSL.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID,
                CONVERSATION.LATEST_VISIBLE_MSG_ID, CONVERSATION.LATEST_VISIBLE_ORIGIN, CONVERSATION.HIDDEN,
                CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.OWN_LAST_MSG_ID, CONVERSATION.UNREAD_NUM);
        for (Arrival a : inKeyOrder) {
            ArrivalRow r = ArrivalRow.of(appId, a);
            insert = insert.values(r.appId(), r.owner(), r.chatType(), r.convId(), r.convKey(), r.lastMsgId(),
                    r.latestVisibleMsgId(), r.origin(), r.hidden(), r.clearedBefore(), r.ownLastMsgId(), r.unread());
        }
        return onArrival(insert.onDuplicateKeyUpdate(), inserted(CONVERSATION.LAST_MSG_ID),
                inserted(CONVERSATION.LATEST_VISIBLE_ORIGIN), inserted(CONVERSATION.OWN_LAST_MSG_ID),
                inserted(CONVERSATION.UNREAD_NUM), lowest);
    }

    /** The values an arrival proposes for its row, in the upsert's column order (typed form and bound form alike). */
    private record ArrivalRow(long appId, String owner, ConversationChatType chatType, String convId, String convKey,
            long lastMsgId, long latestVisibleMsgId, io.roamdesk.jooq.enums.@Nullable ConversationLatestVisibleOrigin origin,
            boolean hidden, long clearedBefore, long ownLastMsgId, int unread) {

        // a new single-chat row has no older message (the first send creates both rows): its count is exact
        static ArrivalRow of(long appId, Arrival a) {
            return new ArrivalRow(appId, a.ref().owner(), JooqEnums.conversationChatType(a.ref().chatType()), a.ref().convId(),
                    a.ref().convKey(), a.msgId(), a.msgId(), JooqEnums.conversationOrigin(a.origin()), false, 0L, a.ownMsgId(),
                    Math.min(a.others(), UnreadCounter.CAP));
        }

        /** The values in column order, for the bound form (SizedStatement binds the enums as their literals). */
        Object[] binds() {
            return new Object[] {appId, owner, chatType, convId, convKey, lastMsgId, latestVisibleMsgId, origin, hidden,
                    clearedBefore, ownLastMsgId, unread};
        }
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

    /**
     * Write fan-out of a group message: one statement upserts every member's conversation row (the
     * sender's row also takes it as its own newest message). On several shards the members live
     * elsewhere than the group: their names are read from the group's shard and each shard of owners
     * gets one upsert of its members' rows (idempotent: a repeat moves no row further than the message).
     */
    int fanOutToGroup(long appId, String groupId, String convKey, long msgId, Origin origin, String sender) {
        if (shards.shards() > 1) {
            List<String> members = db.select(GROUP_MEMBER.USERNAME).from(GROUP_MEMBER)
                    .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq(groupId))
                    .fetch(GROUP_MEMBER.USERNAME);
            int rows = 0;
            for (List<String> part : members.stream().sorted().collect(Collectors.groupingBy(
                    m -> shards.shardOf(appId, m), TreeMap::new, Collectors.toList())).values()) {
                rows += fanOutToShard(appId, groupId, convKey, msgId, origin, sender, part);
            }
            return rows;
        }
        var select = db.select(GROUP_MEMBER.APP_ID, GROUP_MEMBER.USERNAME,
                        inline(ConversationChatType.groupchat), GROUP_MEMBER.GROUP_ID, val(convKey), val(msgId),
                        val(msgId), val(JooqEnums.conversationOrigin(origin)), inline(false), inline(0L),
                        when(GROUP_MEMBER.USERNAME.eq(sender), val(msgId)).otherwise(inline(0L)),
                        when(GROUP_MEMBER.USERNAME.eq(sender), inline(0)).otherwise(UnreadCounter.UNKNOWN))
                .from(GROUP_MEMBER)
                .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq(groupId));
        var insert = db.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID,
                CONVERSATION.LATEST_VISIBLE_MSG_ID, CONVERSATION.LATEST_VISIBLE_ORIGIN, CONVERSATION.HIDDEN,
                CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.OWN_LAST_MSG_ID, CONVERSATION.UNREAD_NUM).select(select);
        return onArrival(insert.onDuplicateKeyUpdate(), val(msgId), val(JooqEnums.conversationOrigin(origin)),
                inserted(CONVERSATION.OWN_LAST_MSG_ID), othersInGroupMessage(), val(msgId)).execute();
    }

    /** The owner's newest own message in one group conversation, never lowered (no row: nothing). */
    int ownMessage(long appId, String owner, String groupId, long msgId, long seq) {
        return db.update(CONVERSATION)
                .set(CONVERSATION.OWN_LAST_MSG_ID, greatest(CONVERSATION.OWN_LAST_MSG_ID, val(msgId)))
                // the owner's newest message, counted by the group's sequence up to seq (BigGroupUnread)
                .set(CONVERSATION.READ_SEQ_MSG_ID, val(msgId))
                .set(CONVERSATION.READ_SEQ, val(seq))
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.CHAT_TYPE.eq(ConversationChatType.groupchat)).and(CONVERSATION.CONV_ID.eq(groupId))
                // only a member's row (it follows the group): a former member's frozen row is not written by sends
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.isNotNull())
                .execute();
    }

    private int fanOutToShard(long appId, String groupId, String convKey, long msgId, Origin origin, String sender,
            List<String> members) {
        var insert = db.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID,
                CONVERSATION.LATEST_VISIBLE_MSG_ID, CONVERSATION.LATEST_VISIBLE_ORIGIN, CONVERSATION.HIDDEN,
                CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.OWN_LAST_MSG_ID, CONVERSATION.UNREAD_NUM);
        for (String member : members) {
            insert = insert.values(appId, member, ConversationChatType.groupchat, groupId, convKey, msgId, msgId,
                    JooqEnums.conversationOrigin(origin), false, 0L, member.equals(sender) ? msgId : 0L,
                    member.equals(sender) ? 0 : null);
        }
        // VALUES(col), not bind values: ShardingSphere 5.5.2 loses the update clause's parameters when it
        // rewrites a multi-row insert ("No value specified for parameter 23")
        return onArrival(insert.onDuplicateKeyUpdate(), inserted(CONVERSATION.LAST_MSG_ID),
                inserted(CONVERSATION.LATEST_VISIBLE_ORIGIN), inserted(CONVERSATION.OWN_LAST_MSG_ID), othersInGroupMessage(),
                inserted(CONVERSATION.LAST_MSG_ID)).execute();
    }

    /**
     * A group message is one message: the sender's row gains nothing, every other member's row one. A
     * member's new row may hold the group's earlier messages (joined since), so it starts not known.
     */
    private static Field<Integer> othersInGroupMessage() {
        return when(inserted(CONVERSATION.OWN_LAST_MSG_ID).eq(inline(0L)), inline(1)).otherwise(inline(0));
    }

    // MySQL applies these left to right: the origin must be decided before the id it compares with changes
    private static <S extends org.jooq.InsertOnDuplicateSetStep<ConversationRecord>> org.jooq.InsertOnDuplicateSetMoreStep<ConversationRecord>
            onArrival(S step, Field<Long> msgId, Field<io.roamdesk.jooq.enums.ConversationLatestVisibleOrigin> origin,
            Field<Long> ownMsgId, Field<Integer> others, Field<Long> lowest) {
        // a message that commits after a delete-by-time whose watermark covers it stays hidden: never the latest
        Condition newer = CONVERSATION.LATEST_VISIBLE_MSG_ID.isNull().or(CONVERSATION.LATEST_VISIBLE_MSG_ID.lt(msgId))
                .and(CONVERSATION.CLEARED_BEFORE_MSG_ID.lt(msgId));
        return step
                // first: it reads last_msg_id and own_last_msg_id as they were before this arrival
                .set(CONVERSATION.UNREAD_NUM, UnreadCounter.afterArrival(msgId, ownMsgId, others, lowest))
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, when(newer, origin).otherwise(CONVERSATION.LATEST_VISIBLE_ORIGIN))
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, when(newer, msgId).otherwise(CONVERSATION.LATEST_VISIBLE_MSG_ID))
                .set(CONVERSATION.LAST_MSG_ID, greatest(CONVERSATION.LAST_MSG_ID, msgId))
                .set(CONVERSATION.OWN_LAST_MSG_ID, greatest(CONVERSATION.OWN_LAST_MSG_ID, ownMsgId))
                // inlined: the sized upsert binds only its rows and the lowest id
                .set(CONVERSATION.HIDDEN, inline(false));
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
                .set(CONVERSATION.UNREAD_NUM, 0)
                // VALUES(col) = the watermark, not bind values: ShardingSphere 5.5.2 loses the parameters of
                // the CASE in the update clause ("No value specified for parameter 11")
                .onDuplicateKeyUpdate()
                .set(CONVERSATION.UNREAD_NUM, UnreadCounter.afterWatermark(inserted(CONVERSATION.CLEARED_BEFORE_MSG_ID)))
                .set(CONVERSATION.CLEARED_BEFORE_MSG_ID, greatest(CONVERSATION.CLEARED_BEFORE_MSG_ID,
                        inserted(CONVERSATION.CLEARED_BEFORE_MSG_ID)))
                .execute();
    }

    void setLatestVisible(long appId, ConversationRef ref, @Nullable Long msgId, @Nullable Origin origin) {
        db.update(CONVERSATION)
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, msgId)
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, JooqEnums.conversationOrigin(origin))
                .where(ownerRow(appId, ref)).execute();
    }

    /** Sets the latest visible message of many rows of one chat type at once. */
    int setLatestVisible(long appId, ChatType type, Collection<ConversationRef> rows, @Nullable Long msgId,
            @Nullable Origin origin) {
        if (rows.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (List<ConversationRef> part : shards.byShard(appId, rows, ConversationRef::owner)) {
            changed += db.update(CONVERSATION)
                    .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, msgId)
                    .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, JooqEnums.conversationOrigin(origin))
                    .where(ConversationIndexRepository.participantRows(appId, type, part))
                    .execute();
        }
        return changed;
    }

    /** Clear-all: every conversation of the owner forgets everything up to its newest message. */
    int clearAll(long appId, String owner) {
        return db.update(CONVERSATION)
                .set(CONVERSATION.CLEARED_BEFORE_MSG_ID, greatest(CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.LAST_MSG_ID))
                // everything up to the newest message is behind the watermark now: nothing is unread
                .set(CONVERSATION.UNREAD_NUM, 0)
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, (Long) null)
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, (io.roamdesk.jooq.enums.ConversationLatestVisibleOrigin) null)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .execute();
    }

    /** After a delete-for-all up to {@code boundary}: rows whose latest visible message is gone show nothing. */
    int forgetLatestUpTo(long appId, ChatType type, Collection<ConversationRef> rows, long boundary) {
        int changed = 0;
        for (List<ConversationRef> part : shards.byShard(appId, rows, ConversationRef::owner)) {
            changed += db.update(CONVERSATION)
                    .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, (Long) null)
                    .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, (io.roamdesk.jooq.enums.ConversationLatestVisibleOrigin) null)
                    .where(ConversationIndexRepository.participantRows(appId, type, part))
                    .and(CONVERSATION.LATEST_VISIBLE_MSG_ID.le(boundary))
                    .execute();
        }
        return changed;
    }
}
