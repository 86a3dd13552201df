package io.roamdesk.roaming;

import io.roamdesk.core.ShardLayout;
import io.roamdesk.core.SizedStatement;
import org.springframework.beans.factory.ObjectProvider;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.row;

import io.roamdesk.jooq.tables.records.MessageRecord;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The {@code message} table: writes, history pages, lookups and the delete-for-all and recall
 * marks. Every statement is bounded by app + conversation key (the shard key of a future
 * distributed deployment); paging is keyset on ids, no OFFSET over history.
 */
@Repository
class MessageRepository {

    private final DSLContext db;
    private final ShardLayout shards;

    MessageRepository(DSLContext db, ObjectProvider<ShardLayout> shards) {
        this.db = db;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
    }

    /**
     * Many messages in one statement (a gateway batch); on several shards one statement per shard of
     * the conversations, shards in order (ShardingSphere would split one multi-row insert over the
     * shards inside a single statement).
     */
    void insertMessages(long appId, List<StoredMessage> messages) {
        for (List<StoredMessage> part : shards.byShard(appId, messages, StoredMessage::convKey)) {
            // rendered once per number of messages, then only bound (SizedStatement): it runs for every send
            Object[] binds = new Object[part.size() * MESSAGE_COLUMNS];
            int i = 0;
            for (StoredMessage m : part) {
                binds[i++] = appId;
                binds[i++] = m.convKey();
                binds[i++] = m.msgId();
                binds[i++] = m.from();
                binds[i++] = m.to();
                binds[i++] = JooqEnums.messageChatType(m.chatType());
                binds[i++] = JooqEnums.bodyType(m.bodyType());
                binds[i++] = m.body();
                binds[i++] = m.ext();
                binds[i++] = JooqEnums.messageOrigin(m.origin());
                binds[i++] = m.timestamp();
            }
            db.connectionResult(c -> INSERT.update(c, part.size(), binds, db::render));
        }
    }

    private static final int MESSAGE_COLUMNS = 11;

    private static final SizedStatement INSERT = new SizedStatement(IngestService.MAX_BATCH, 0, MESSAGE_COLUMNS, n -> {
        var insert = DSL.insertInto(MESSAGE, MESSAGE.APP_ID, MESSAGE.CONV_KEY, MESSAGE.MSG_ID, MESSAGE.SENDER, MESSAGE.TARGET,
                MESSAGE.CHAT_TYPE, MESSAGE.BODY_TYPE, MESSAGE.BODY, MESSAGE.EXT, MESSAGE.ORIGIN, MESSAGE.SERVER_TS);
        for (int row = 0; row < n; row++) {
            insert = insert.values(0L, "", 0L, "", "", io.roamdesk.jooq.enums.MessageChatType.chat,
                    io.roamdesk.jooq.enums.MessageBodyType.txt, JSON.json("{}"), JSON.json("{}"),
                    io.roamdesk.jooq.enums.MessageOrigin.rest, 0L);
        }
        return insert;
    });

    /** The messages with these ids, each looked up by its conversation's key. */
    Map<Long, MessageRecord> messagesByKey(long appId, Collection<Map.Entry<String, Long>> convKeyAndIds) {
        Map<Long, MessageRecord> out = new HashMap<>();
        if (convKeyAndIds.isEmpty()) {
            return out;
        }
        if (shards.shards() > 1) {
            // ShardingSphere finds no shard key in a row-value IN and asks every shard: one statement per conversation
            convKeyAndIds.stream().collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey, java.util.TreeMap::new,
                    java.util.stream.Collectors.mapping(Map.Entry::getValue, java.util.stream.Collectors.toList())))
                    .forEach((convKey, ids) -> db.selectFrom(MESSAGE).where(MESSAGE.APP_ID.eq(appId))
                            .and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.in(ids))
                            .forEach(r -> out.put(r.getMsgId(), r)));
            return out;
        }
        var keys = convKeyAndIds.stream().map(e -> row(e.getKey(), e.getValue())).toList();
        db.selectFrom(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(row(MESSAGE.CONV_KEY, MESSAGE.MSG_ID).in(keys))
                .forEach(r -> out.put(r.getMsgId(), r));
        return out;
    }

    /**
     * Which of {@code ids} are messages of this conversation (deleted-for-all ones included), each
     * with whether {@code owner} has hidden it: a one-way delete's two checks in one statement (the
     * hidden marks share the messages' shard key).
     */
    Map<Long, Boolean> idsInConversation(long appId, String convKey, String owner, Collection<Long> ids) {
        Map<Long, Boolean> found = new HashMap<>();
        for (List<Long> part : SizedStatements.chunks(ids)) {
            Object[] binds = SizedStatements.binds(List.of(owner, appId, convKey), part);
            db.resultQuery(ID_CHECK.sql(part.size(), binds, db::render), binds)
                    .forEach(r -> found.put(r.get(0, Long.class), r.get(1) != null));
        }
        return found;
    }

    /** The delete's check, rendered once per number of ids; the owner's bind comes first (in the join). */
    private static final SizedStatement ID_CHECK = new SizedStatement(SizedStatements.MAX, 3, 1,
            n -> DSL.select(MESSAGE.MSG_ID, MESSAGE_HIDDEN.MSG_ID).from(MESSAGE).leftJoin(MESSAGE_HIDDEN)
                    .on(MESSAGE_HIDDEN.APP_ID.eq(MESSAGE.APP_ID)).and(MESSAGE_HIDDEN.CONV_KEY.eq(MESSAGE.CONV_KEY))
                    .and(MESSAGE_HIDDEN.OWNER.eq("")).and(MESSAGE_HIDDEN.MSG_ID.eq(MESSAGE.MSG_ID))
                    .where(MESSAGE.APP_ID.eq(0L)).and(MESSAGE.CONV_KEY.eq(""))
                    .and(MESSAGE.MSG_ID.in(Collections.nCopies(n, 0L))));

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
        var messages = HistoryWalk.messages(filter.sender(), filter.bodyTypes());
        return db.select(MESSAGE.fields()).from(showDeleted ? messages : HistoryWalk.withHidden(messages, owner)).where(c)
                .orderBy(direction == Direction.UP ? MESSAGE.MSG_ID.desc() : MESSAGE.MSG_ID.asc())
                .limit(limit);
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

    /** The newest message of the conversation below {@code below} that is not deleted for everyone. */
    Optional<MessageRecord> newestNotDeletedForAll(long appId, String convKey, long below) {
        return db.selectFrom(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.lt(below))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .orderBy(MESSAGE.MSG_ID.desc())
                .limit(1)
                .fetchOptional();
    }

    /**
     * Messages joined with the owner's one-way deletions of the same conversation: an outer join on
     * the deletions' primary key, probed once per message row ("not exists"), which stays a keyset
     * walk on every engine (a NOT EXISTS subquery may be materialised over the whole table).
     */
    private static org.jooq.Table<?> withHidden(String owner) {
        return HistoryWalk.withHidden(MESSAGE, owner);
    }

    private static Condition visible(long clearedBefore) {
        return MESSAGE.MSG_ID.gt(clearedBefore)
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .and(MESSAGE_HIDDEN.MSG_ID.isNull());
    }
}
