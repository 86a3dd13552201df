package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.GROUP_STATE;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.roamdesk.core.ShardLayout;
import io.roamdesk.jooq.enums.GroupStateLastOrigin;
import io.roamdesk.jooq.tables.records.GroupStateRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

/**
 * {@code group_state}: one row per group, every statement keyed by app + group (sharded by it, with the
 * group's members).
 */
@Repository
class GroupStateRepository {

    private final DSLContext db;
    private final ShardLayout shards;

    GroupStateRepository(DSLContext db, ObjectProvider<ShardLayout> shards) {
        this.db = db;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
    }

    /** Creates the row when missing (a group's first change or send); a row already there stays as it is. */
    void createIfMissing(long appId, String groupId, int memberCount) {
        db.insertInto(GROUP_STATE).set(GROUP_STATE.APP_ID, appId).set(GROUP_STATE.GROUP_ID, groupId)
                .set(GROUP_STATE.MEMBER_COUNT, memberCount).set(GROUP_STATE.READ_FANOUT, false)
                .set(GROUP_STATE.LAST_MSG_ID, 0L)
                .onDuplicateKeyIgnore().execute();
    }

    /** The row, locked: sends, membership changes and settling members' rows of one group take turns on it. */
    Optional<GroupState> lock(long appId, String groupId) {
        return db.selectFrom(GROUP_STATE).where(GROUP_STATE.APP_ID.eq(appId)).and(GROUP_STATE.GROUP_ID.eq(groupId))
                .forUpdate().fetchOptional(GroupStateRepository::state);
    }

    /** The states of these groups (a list's merge), unlocked. */
    List<GroupState> states(long appId, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        // one statement per shard of the groups: a list page's lookup stays a single-shard statement
        List<GroupState> out = new ArrayList<>();
        for (List<String> part : shards.byShard(appId, groupIds, g -> g)) {
            out.addAll(db.selectFrom(GROUP_STATE).where(GROUP_STATE.APP_ID.eq(appId)).and(GROUP_STATE.GROUP_ID.in(part))
                    .fetch(GroupStateRepository::state));
        }
        return out;
    }

    /**
     * The group's messages of one send, with the state row locked: the newest one (and its origin)
     * moves up, out-of-order commits keep the highest id; the sequence becomes {@code msgSeq} and
     * the floor {@code seqFloor} (both computed by the caller from the locked state).
     */
    void arrived(long appId, String groupId, long msgId, Origin origin, long msgSeq, long seqFloor) {
        // MySQL applies these left to right: the origin must be decided before the id it compares with changes
        db.update(GROUP_STATE)
                .set(GROUP_STATE.LAST_ORIGIN, when(GROUP_STATE.LAST_MSG_ID.lt(msgId), val(origin(origin)))
                        .otherwise(GROUP_STATE.LAST_ORIGIN))
                .set(GROUP_STATE.LAST_MSG_ID, greatest(GROUP_STATE.LAST_MSG_ID, val(msgId)))
                .set(GROUP_STATE.MSG_SEQ, val(msgSeq))
                .set(GROUP_STATE.SEQ_FLOOR, val(seqFloor))
                .where(GROUP_STATE.APP_ID.eq(appId)).and(GROUP_STATE.GROUP_ID.eq(groupId))
                .execute();
    }

    /** With the state row locked: no read point stored before now is trusted for an unread count. */
    void raiseSeqFloor(long appId, String groupId, long seqFloor) {
        db.update(GROUP_STATE).set(GROUP_STATE.SEQ_FLOOR, greatest(GROUP_STATE.SEQ_FLOOR, val(seqFloor)))
                .where(GROUP_STATE.APP_ID.eq(appId)).and(GROUP_STATE.GROUP_ID.eq(groupId))
                .execute();
    }

    void addMembers(long appId, String groupId, int delta) {
        db.update(GROUP_STATE).set(GROUP_STATE.MEMBER_COUNT, GROUP_STATE.MEMBER_COUNT.plus(delta))
                .where(GROUP_STATE.APP_ID.eq(appId)).and(GROUP_STATE.GROUP_ID.eq(groupId))
                .execute();
    }

    void setReadFanout(long appId, String groupId, boolean on) {
        db.update(GROUP_STATE).set(GROUP_STATE.READ_FANOUT, on)
                .where(GROUP_STATE.APP_ID.eq(appId)).and(GROUP_STATE.GROUP_ID.eq(groupId))
                .execute();
    }

    private static GroupState state(GroupStateRecord r) {
        return new GroupState(r.getGroupId(), r.getMemberCount(), Boolean.TRUE.equals(r.getReadFanout()), r.getLastMsgId(),
                origin(r.getLastOrigin()), r.getMsgSeq(), r.getSeqFloor());
    }

    private static GroupStateLastOrigin origin(Origin o) {
        return o == Origin.SDK ? GroupStateLastOrigin.sdk : GroupStateLastOrigin.rest;
    }

    private static @Nullable Origin origin(@Nullable GroupStateLastOrigin o) {
        return o == null ? null : o == GroupStateLastOrigin.sdk ? Origin.SDK : Origin.REST;
    }
}
