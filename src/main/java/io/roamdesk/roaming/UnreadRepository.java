package io.roamdesk.roaming;

import io.roamdesk.core.ShardLayout;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
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
     * {@code after} is the owner's read pointer or clear-all watermark, whichever is higher.
     */
    record Probe(String convKey, long after, long upTo) {
    }

    private final DSLContext db;
    private final ShardLayout shards;

    UnreadRepository(DSLContext db, ObjectProvider<ShardLayout> shards) {
        this.db = db;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
    }

    /**
     * The counts of the probes, in order, each at most {@code cap}. Two statements for any number of
     * probes: the owner's own newest message per conversation (it answered, so it read up to there;
     * one probe of the sender index each), then the counts, each a primary-key walk that starts
     * after the later of the two points and stops at the cap.
     */
    List<Integer> unread(long appId, String owner, List<Probe> probes, int cap) {
        if (shards.shards() == 1) {
            return unreadOnOneShard(appId, owner, probes, cap);
        }
        // on several shards the page's conversations live apart: the same two statements per shard
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
        if (probes.isEmpty()) {
            return List.of();
        }
        Record own = ownLatestQuery(appId, owner, probes).fetchOne();
        List<Probe> from = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            from.add(new Probe(p.convKey(), Math.max(p.after(), own.get(i, Long.class)), p.upTo()));
        }
        // conversations read up to their newest message (the common case) need no count at all
        List<Probe> open = from.stream().filter(p -> p.after() < p.upTo()).toList();
        Record r = open.isEmpty() ? null : unreadQuery(appId, owner, open, cap).fetchOne();
        List<Integer> out = new ArrayList<>(probes.size());
        int next = 0;
        for (Probe p : from) {
            out.add(p.after() >= p.upTo() ? 0 : r.get(next++, Integer.class));
        }
        return out;
    }

    /** The owner's newest own message id in each probe's conversation (0 when none). */
    ResultQuery<Record> ownLatestQuery(long appId, String owner, List<Probe> probes) {
        List<Field<?>> own = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            own.add(field(select(coalesce(max(MESSAGE.MSG_ID), inline(0L))).from(MESSAGE)
                    .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(probes.get(i).convKey()))
                    .and(MESSAGE.SENDER.eq(owner))).as("o" + i));
        }
        return db.select(own);
    }

    /** The count statement itself, also for the plan checks in the tests. */
    ResultQuery<Record> unreadQuery(long appId, String owner, List<Probe> probes, int cap) {
        List<Field<?>> counts = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            counts.add(field(count(appId, owner, probes.get(i), cap, i)).as("u" + i));
        }
        return db.select(counts);
    }

    private static Select<? extends org.jooq.Record1<Integer>> count(long appId, String owner, Probe p, int cap, int i) {
        // the walk must start at the read point on the primary key and stop at the cap; the sender index
        // (a covering candidate) would read the whole conversation to find the ids above the read point
        var unread = select(inline(1).as("one"))
                .from(MESSAGE.forceIndex("PRIMARY").leftJoin(MESSAGE_HIDDEN).on(MESSAGE_HIDDEN.APP_ID.eq(MESSAGE.APP_ID),
                        MESSAGE_HIDDEN.CONV_KEY.eq(MESSAGE.CONV_KEY), MESSAGE_HIDDEN.OWNER.eq(owner),
                        MESSAGE_HIDDEN.MSG_ID.eq(MESSAGE.MSG_ID)))
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(p.convKey()))
                .and(MESSAGE.MSG_ID.gt(p.after())).and(MESSAGE.MSG_ID.le(p.upTo()))
                .and(MESSAGE.SENDER.ne(owner))
                .and(MESSAGE.DELETED_FOR_ALL_AT.isNull())
                .and(MESSAGE_HIDDEN.MSG_ID.isNull())
                .limit(cap);
        return selectCount().from(unread.asTable("unread_" + i));
    }

    /** Whether {@code msgId} is a message of this conversation. */
    boolean isMessageOf(long appId, String convKey, long msgId) {
        return db.fetchExists(MESSAGE, MESSAGE.APP_ID.eq(appId).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.eq(msgId)));
    }
}
