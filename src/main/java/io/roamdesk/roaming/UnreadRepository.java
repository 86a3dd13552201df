package io.roamdesk.roaming;

import io.roamdesk.core.ShardLayout;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.springframework.stereotype.Repository;

/**
 * Bounded unread counts, read from the messages themselves (so they are exact at every moment, with
 * nothing to keep in step with sends and deletes): per conversation, the messages of others after
 * the owner's read point that the owner can see, counted up to a cap at most (the primary-key walk
 * of one conversation stops there).
 */
@Repository
class UnreadRepository {

    /**
     * One conversation to count: messages with ids in ({@code after}, {@code upTo}], where
     * {@code after} is the latest of the owner's read pointer, clear-all watermark and own newest
     * message (the owner answered, so it read up to there).
     */
    record Probe(String convKey, long after, long upTo) {

        static Probe of(ConversationRecord row) {
            long after = Math.max(Math.max(row.getReadUpToMsgId(), row.getClearedBeforeMsgId()), row.getOwnLastMsgId());
            return new Probe(row.getConvKey(), after, row.getLastMsgId());
        }
    }

    private final DSLContext db;
    private final ShardLayout shards;

    UnreadRepository(DSLContext db, ObjectProvider<ShardLayout> shards) {
        this.db = db;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
    }

    /**
     * The counts of the probes, in order, each at most {@code cap}: one statement for any number of
     * probes, none when every conversation is read up to its newest message (the common case).
     */
    List<Integer> unread(long appId, String owner, List<Probe> probes, int cap) {
        if (shards.shards() == 1) {
            return unreadOnOneShard(appId, owner, probes, cap);
        }
        // on several shards the page's conversations live apart: the same statement per shard
        Map<Integer, List<Integer>> byShard = new TreeMap<>();
        for (int i = 0; i < probes.size(); i++) {
            byShard.computeIfAbsent(shards.shardOf(appId, probes.get(i).convKey()), k -> new ArrayList<>()).add(i);
        }
        Integer[] out = new Integer[probes.size()];
        for (List<Integer> indexes : byShard.values()) {
            List<Integer> counts = unreadOnOneShard(appId, owner, indexes.stream().map(probes::get).toList(), cap);
            for (int j = 0; j < indexes.size(); j++) {
                out[indexes.get(j)] = counts.get(j);
            }
        }
        return List.of(out);
    }

    private List<Integer> unreadOnOneShard(long appId, String owner, List<Probe> probes, int cap) {
        List<Integer> out = new ArrayList<>(Collections.nCopies(probes.size(), 0));
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).after() < probes.get(i).upTo()) {
                open.add(i);
            }
        }
        if (open.isEmpty()) {
            return out;
        }
        List<Probe> counted = open.stream().map(probes::get).toList();
        for (Record2<Integer, Integer> r : unreadQuery(appId, owner, counted, cap).fetch()) {
            out.set(open.get(r.value1()), r.value2());
        }
        return out;
    }

    /**
     * The count statement itself, also for the plan checks in the tests: one {@code UNION ALL} of
     * bounded counts, each a primary-key walk of one conversation from its read point that stops
     * at the cap, tagged with the probe's position (a union's rows come in no promised order).
     */
    ResultQuery<Record2<Integer, Integer>> unreadQuery(long appId, String owner, List<Probe> probes, int cap) {
        Select<Record2<Integer, Integer>> union = null;
        for (int i = 0; i < probes.size(); i++) {
            Select<Record2<Integer, Integer>> one = db.select(inline(i).as("probe"), count().as("unread"))
                    .from(unreadRows(appId, owner, probes.get(i), cap).asTable("unread_" + i));
            union = union == null ? one : union.unionAll(one);
        }
        return union;
    }

    private static Select<Record1<Integer>> unreadRows(long appId, String owner, Probe p, int cap) {
        // the walk must start at the read point on the primary key and stop at the cap; the sender index
        // (a covering candidate) would read the whole conversation to find the ids above the read point
        return select(inline(1).as("one"))
                .from(MESSAGE.forceIndex("PRIMARY").leftJoin(MESSAGE_HIDDEN).on(MESSAGE_HIDDEN.APP_ID.eq(MESSAGE.APP_ID),
                        MESSAGE_HIDDEN.CONV_KEY.eq(MESSAGE.CONV_KEY), MESSAGE_HIDDEN.OWNER.eq(owner),
                        MESSAGE_HIDDEN.MSG_ID.eq(MESSAGE.MSG_ID)))
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(p.convKey()))
                .and(MESSAGE.MSG_ID.gt(p.after())).and(MESSAGE.MSG_ID.le(p.upTo()))
                .and(MESSAGE.SENDER.ne(owner))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .and(MESSAGE_HIDDEN.MSG_ID.isNull())
                .limit(cap);
    }

    /** Whether {@code msgId} is a message of this conversation. */
    boolean isMessageOf(long appId, String convKey, long msgId) {
        return db.fetchExists(MESSAGE, MESSAGE.APP_ID.eq(appId).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.eq(msgId)));
    }
}
