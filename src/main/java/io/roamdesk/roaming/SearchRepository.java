package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.systemName;

import io.roamdesk.jooq.tables.records.MessageRecord;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Keyword search inside one conversation: a keyset walk of the conversation newest first, in chunks,
 * with the match computed by the database for every row walked. Every statement is bounded by
 * app + conversation key (message, message_hidden).
 */
@Repository
class SearchRepository {

    /** One walked message and whether it matched. */
    record Walked(long msgId, boolean hit) {
    }

    private final DSLContext db;

    SearchRepository(DSLContext db) {
        this.db = db;
    }

    List<Walked> walk(long appId, String convKey, String owner, long clearedBefore, HistoryFilter filter,
            Set<BodyType> searched, long startExclusive, String likePattern, int limit) {
        return walkQuery(appId, convKey, owner, clearedBefore, filter, searched, startExclusive, likePattern, limit)
                .fetch(r -> new Walked(r.value1(), Boolean.TRUE.equals(r.value2())));
    }

    /**
     * The next {@code limit} messages the owner sees below {@code startExclusive}, newest first, each
     * with whether its searched text matches. The walk is the history query's (primary key, or the
     * sender or body-type index when filtered); the match is only a column, so it never makes the
     * database read further than {@code limit} visible rows.
     */
    ResultQuery<Record2<Long, Boolean>> walkQuery(long appId, String convKey, String owner, long clearedBefore,
            HistoryFilter filter, Set<BodyType> searched, long startExclusive, String likePattern, int limit) {
        Condition c = MESSAGE.APP_ID.eq(appId).and(MESSAGE.CONV_KEY.eq(convKey))
                .and(MESSAGE.MSG_ID.between(filter.minId(), filter.maxId()))
                .and(MESSAGE.MSG_ID.lt(startExclusive))
                .and(MESSAGE.MSG_ID.gt(clearedBefore))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .and(MESSAGE_HIDDEN.MSG_ID.isNull());
        if (filter.sender() != null) {
            c = c.and(MESSAGE.SENDER.eq(filter.sender()));
        }
        // one type: its index walks it in id order (both types: the primary key does, and the match checks the type)
        Set<BodyType> walkedTypes = searched.containsAll(SearchService.SEARCHABLE) ? Set.of() : searched;
        if (!walkedTypes.isEmpty()) {
            c = c.and(MESSAGE.BODY_TYPE.in(walkedTypes.stream().map(JooqEnums::bodyType).toList()));
        }
        Condition match = DSL.falseCondition();
        for (BodyType t : searched) {
            match = match.or(MESSAGE.BODY_TYPE.eq(JooqEnums.bodyType(t)).and(text(t).likeIgnoreCase(likePattern, '!')));
        }
        return db.select(MESSAGE.MSG_ID, DSL.field(match))
                .from(HistoryWalk.withHidden(HistoryWalk.messages(filter.sender(), walkedTypes), owner))
                .where(c)
                .orderBy(MESSAGE.MSG_ID.desc())
                .limit(limit);
    }

    /** The searched text of a body: a text message's {@code msg}, a file's {@code filename}; unquoted JSON (MySQL 8 and MariaDB). */
    private static Field<String> text(BodyType type) {
        String path = type == BodyType.FILE ? "$.filename" : "$.msg";
        return function(systemName("json_unquote"), SQLDataType.VARCHAR,
                function(systemName("json_extract"), SQLDataType.JSON, MESSAGE.BODY, inline(path)));
    }

    /** The hits themselves, newest first, each looked up by the conversation's key. */
    List<MessageRecord> messages(long appId, String convKey, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.in(ids))
                // recalled or deleted for everyone since the walk found it: not shown
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .orderBy(MESSAGE.MSG_ID.desc())
                .fetch();
    }
}
