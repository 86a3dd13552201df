package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CHAT_GROUP;
import static io.roamdesk.jooq.Tables.GROUP_MEMBER;
import static io.roamdesk.jooq.Tables.GROUP_STATE;

import io.roamdesk.core.ShardLayout;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

/** {@code chat_group} and {@code group_member}, every statement keyed by app + group. */
@Repository
class GroupRepository {

    private final DSLContext db;
    private final ShardLayout shards;

    GroupRepository(DSLContext db, ObjectProvider<ShardLayout> shards) {
        this.db = db;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
    }

    /**
     * What a send to a group checks before it is accepted: the group exists, the sender is a member,
     * and the member count its state row keeps (null: no state row), which decides whether the send
     * may share a transaction.
     */
    record SendCheck(boolean exists, boolean member, @Nullable Integer memberCount) {
    }

    /**
     * One statement on one database (three primary-key lookups as scalar subqueries; a send to a group
     * ran them as three statements before); on a sharded deployment three, each routed by its own
     * table's key.
     */
    SendCheck sendCheck(long appId, String groupId, String sender) {
        var count = DSL.select(GROUP_STATE.MEMBER_COUNT).from(GROUP_STATE)
                .where(GROUP_STATE.APP_ID.eq(appId)).and(GROUP_STATE.GROUP_ID.eq(groupId));
        if (shards.shards() > 1) {
            return new SendCheck(groupExists(appId, groupId), isMember(appId, groupId, sender),
                    db.fetchOptional(count).map(r -> r.value1()).orElse(null));
        }
        var r = db.select(DSL.field(DSL.exists(DSL.selectOne().from(CHAT_GROUP).where(group(appId, groupId)))),
                DSL.field(DSL.exists(DSL.selectOne().from(GROUP_MEMBER).where(member(appId, groupId, sender)))),
                DSL.field(count)).fetchSingle();
        return new SendCheck(r.value1(), r.value2(), r.value3());
    }

    boolean groupExists(long appId, String groupId) {
        return db.fetchExists(CHAT_GROUP, group(appId, groupId));
    }

    boolean isMember(long appId, String groupId, String username) {
        return db.fetchExists(GROUP_MEMBER, member(appId, groupId, username));
    }

    private static Condition group(long appId, String groupId) {
        return CHAT_GROUP.APP_ID.eq(appId).and(CHAT_GROUP.GROUP_ID.eq(groupId));
    }

    private static Condition member(long appId, String groupId, String username) {
        return GROUP_MEMBER.APP_ID.eq(appId).and(GROUP_MEMBER.GROUP_ID.eq(groupId)).and(GROUP_MEMBER.USERNAME.eq(username));
    }

    void insertGroup(long appId, String groupId, String name, String owner, long now) {
        db.insertInto(CHAT_GROUP)
                .set(CHAT_GROUP.APP_ID, appId).set(CHAT_GROUP.GROUP_ID, groupId).set(CHAT_GROUP.GROUP_NAME, name)
                .set(CHAT_GROUP.OWNER, owner).set(CHAT_GROUP.CREATED_AT, now)
                .execute();
    }

    void addMembers(long appId, String groupId, Collection<String> members, long now) {
        if (members.isEmpty()) {
            return;
        }
        var insert = db.insertInto(GROUP_MEMBER, GROUP_MEMBER.APP_ID, GROUP_MEMBER.GROUP_ID, GROUP_MEMBER.USERNAME,
                GROUP_MEMBER.JOINED_AT);
        for (String m : members) {
            insert = insert.values(appId, groupId, m, now);
        }
        insert.onDuplicateKeyIgnore().execute();
    }

    int removeMembers(long appId, String groupId, Collection<String> members) {
        if (members.isEmpty()) {
            return 0;
        }
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

    /** Which of these users are members (the rest would join, or cannot leave). */
    List<String> membersAmong(long appId, String groupId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return db.select(GROUP_MEMBER.USERNAME).from(GROUP_MEMBER)
                .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq(groupId))
                .and(GROUP_MEMBER.USERNAME.in(usernames))
                .fetch(GROUP_MEMBER.USERNAME);
    }
}
