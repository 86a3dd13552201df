package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.GROUP_MEMBER;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.roamdesk.jooq.enums.ConversationChatType;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Members' rows of big groups (read fan-out): a row follows its group's state above
 * {@code follow_from_msg_id}. Reads are keyed by app + owner; writes over a group's members by
 * app + the members' (owner, group) keys or app + group on {@code group_member}.
 */
@Repository
class FollowingRepository {

    /** Owners per statement: MariaDB turns an IN list of 1,000 or more values into a subquery (in_predicate_conversion_threshold). */
    static final int CHUNK = 500;

    private final DSLContext db;

    FollowingRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The owner's rows that follow a group's state (one per big group the owner is in): a walk of the
     * owner's group rows on the primary key.
     */
    List<ConversationRecord> following(long appId, String owner) {
        return db.selectFrom(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.CHAT_TYPE.eq(ConversationChatType.groupchat))
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.isNotNull())
                .fetch();
    }

    /**
     * Every current member's row follows the group's state from {@code from} on (a group becoming big):
     * rows written by the sends up to {@code from} stay as they are; a member without a row gets an
     * empty one (not listed until a newer message).
     */
    int followAll(long appId, String groupId, long from) {
        var select = db.select(GROUP_MEMBER.APP_ID, GROUP_MEMBER.USERNAME, inline(ConversationChatType.groupchat),
                        GROUP_MEMBER.GROUP_ID, val(ConvKeys.group(groupId)), inline(0L), inline(false), inline(0L), val(from))
                .from(GROUP_MEMBER)
                .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq(groupId));
        return db.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                        CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID, CONVERSATION.HIDDEN,
                        CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.FOLLOW_FROM_MSG_ID)
                .select(select)
                .onDuplicateKeyUpdate().set(CONVERSATION.FOLLOW_FROM_MSG_ID, val(from))
                .execute();
    }

    /** New members of a big group follow its state from {@code from} on (what they see starts after it). */
    void follow(long appId, String groupId, Collection<String> owners, long from) {
        if (owners.isEmpty()) {
            return;
        }
        var insert = db.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID, CONVERSATION.HIDDEN,
                CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.FOLLOW_FROM_MSG_ID);
        for (String o : owners.stream().sorted().toList()) {
            insert = insert.values(appId, o, ConversationChatType.groupchat, groupId, ConvKeys.group(groupId), 0L, false, 0L, from);
        }
        insert.onDuplicateKeyUpdate().set(CONVERSATION.FOLLOW_FROM_MSG_ID, val(from)).execute();
    }

    /**
     * Folds the group's newest message {@code lastMsgId} into these members' rows that do not hold it
     * yet, exactly as a send's write fan-out would have (the same rule as
     * {@link ConversationUpdateRepository}'s arrival), and marks them as holding it.
     */
    int settle(long appId, String groupId, Collection<String> owners, long lastMsgId, @Nullable Origin origin) {
        if (owners.isEmpty()) {
            return 0;
        }
        return inChunks(owners, chunk -> settleQuery(appId, groupId, chunk, lastMsgId, origin).execute());
    }

    org.jooq.Update<ConversationRecord> settleQuery(long appId, String groupId, Collection<String> owners, long lastMsgId,
            @Nullable Origin origin) {
        return arrive(lastMsgId, origin).set(CONVERSATION.FOLLOW_FROM_MSG_ID, val(lastMsgId))
                .where(members(appId, groupId, owners))
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.lt(lastMsgId));
    }

    /**
     * A message whose id is below the group's newest (its id was taken before a newer message
     * committed) reaches the rows that a settle already moved past it, by the arrival rule; their
     * following point stays (the newer messages are in them already).
     */
    int arrivedLate(long appId, String groupId, Collection<String> owners, long msgId, Origin origin) {
        if (owners.isEmpty()) {
            return 0;
        }
        return inChunks(owners, chunk -> arrivedLateQuery(appId, groupId, chunk, msgId, origin).execute());
    }

    org.jooq.Update<ConversationRecord> arrivedLateQuery(long appId, String groupId, Collection<String> owners, long msgId,
            Origin origin) {
        return arrive(msgId, origin)
                .where(members(appId, groupId, owners))
                .and(CONVERSATION.FOLLOW_FROM_MSG_ID.ge(msgId));
    }

    /** The arrival rule of {@link ConversationUpdateRepository} as an update of rows that exist. */
    private org.jooq.UpdateSetMoreStep<ConversationRecord> arrive(long msgId, @Nullable Origin origin) {
        Condition newer = CONVERSATION.LATEST_VISIBLE_MSG_ID.isNull().or(CONVERSATION.LATEST_VISIBLE_MSG_ID.lt(msgId))
                .and(CONVERSATION.CLEARED_BEFORE_MSG_ID.lt(msgId));
        // MySQL applies these left to right: the origin must be decided before the id it compares with changes
        return db.update(CONVERSATION)
                .set(CONVERSATION.LATEST_VISIBLE_ORIGIN, when(newer, val(JooqEnums.conversationOrigin(origin)))
                        .otherwise(CONVERSATION.LATEST_VISIBLE_ORIGIN))
                .set(CONVERSATION.LATEST_VISIBLE_MSG_ID, when(newer, val(msgId)).otherwise(CONVERSATION.LATEST_VISIBLE_MSG_ID))
                .set(CONVERSATION.LAST_MSG_ID, greatest(CONVERSATION.LAST_MSG_ID, val(msgId)))
                .set(CONVERSATION.HIDDEN, false);
    }

    /** These rows stop following (members who left, or a group no longer big): the sends write them again, or nobody. */
    int unfollow(long appId, String groupId, Collection<String> owners) {
        if (owners.isEmpty()) {
            return 0;
        }
        return inChunks(owners, chunk -> db.update(CONVERSATION).set(CONVERSATION.FOLLOW_FROM_MSG_ID, (Long) null)
                .where(members(appId, groupId, chunk))
                .execute());
    }

    /** The owners in key order, {@link #CHUNK} per statement (one lock order, and every list short enough to be ranges). */
    private static int inChunks(Collection<String> owners, java.util.function.ToIntFunction<List<String>> statement) {
        List<String> sorted = owners.stream().sorted().toList();
        int changed = 0;
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            changed += statement.applyAsInt(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
        }
        return changed;
    }

    // owner IN (...) of one group, not a row-value IN of (owner, group) pairs: with thousands of pairs
    // MariaDB's range analysis alone ran for seconds (a 2,000-member group's late arrival timed out)
    private static Condition members(long appId, String groupId, Collection<String> owners) {
        return CONVERSATION.APP_ID.eq(appId)
                .and(CONVERSATION.OWNER.in(owners))
                .and(CONVERSATION.CHAT_TYPE.eq(ConversationChatType.groupchat))
                .and(CONVERSATION.CONV_ID.eq(groupId));
    }
}
