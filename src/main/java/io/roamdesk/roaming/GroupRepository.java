package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CHAT_GROUP;
import static io.roamdesk.jooq.Tables.GROUP_MEMBER;

import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** {@code chat_group} and {@code group_member}, every statement keyed by app + group. */
@Repository
class GroupRepository {

    private final DSLContext db;

    GroupRepository(DSLContext db) {
        this.db = db;
    }

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
