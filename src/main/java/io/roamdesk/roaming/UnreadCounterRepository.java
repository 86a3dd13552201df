package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.roaming.ConversationIndexRepository.ownerRow;

import io.roamdesk.core.ShardLayout;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

/**
 * Writes of the maintained unread counter ({@code unread_num}) outside the arrival upserts: a count
 * taken under the row's lock, or "not known" for rows whose counted messages changed otherwise.
 * Keyed by app + owner (per shard of owners, with the owners beside the row-value IN).
 */
@Repository
class UnreadCounterRepository {

    private final DSLContext db;
    private final ShardLayout shards;

    UnreadCounterRepository(DSLContext db, ObjectProvider<ShardLayout> shards) {
        this.db = db;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
    }

    /** The count of one row, taken while this transaction holds the row's lock (null: not known). */
    void store(long appId, ConversationRef ref, @Nullable Integer unread) {
        db.update(CONVERSATION).set(CONVERSATION.UNREAD_NUM, unread).where(ownerRow(appId, ref)).execute();
    }

    /**
     * A big-group member's read point {@code msgId} and the group's sequence that counted every
     * message up to it ({@link BigGroupUnread}), stored while this transaction holds the row's lock.
     */
    void storeReadSeq(long appId, ConversationRef ref, long msgId, long seq) {
        db.update(CONVERSATION).set(CONVERSATION.READ_SEQ_MSG_ID, msgId).set(CONVERSATION.READ_SEQ, seq)
                .where(ownerRow(appId, ref)).execute();
    }

    /**
     * These rows' counters become "not known" (the list counts them until the owner's next read): what
     * they count changed in a way no increment describes. One statement per conversation id and shard
     * of owners, each a point lookup of every owner's row on the primary key (app, owner, type, id).
     */
    int forget(long appId, Collection<ConversationRef> rows) {
        int changed = 0;
        // shard by shard, each in key order: the global lock order of the sends' upserts (touchMany) and of
        // lockRows; across two databases no deadlock detector sees a cycle, it would wait out the timeout
        for (List<ConversationRef> shard : shards.byShard(appId, rows.stream().sorted(ConversationUpdateRepository.LOCK_ORDER).toList(),
                ConversationRef::owner)) {
            // a single chat's two rows are two conversation ids, owner first
            Map<String, List<ConversationRef>> byConversation = shard.stream().collect(Collectors.groupingBy(
                    r -> r.chatType().wire() + "/" + r.convId(), java.util.LinkedHashMap::new, Collectors.toList()));
            for (List<ConversationRef> same : byConversation.values()) {
                ConversationRef first = same.get(0);
                List<String> owners = same.stream().map(ConversationRef::owner).distinct().sorted().toList();
                // owner IN (...) of one conversation id, at most CHUNK owners: no row-value IN of pairs, whose
                // range analysis alone took seconds for thousands of them (FollowingRepository)
                for (int from = 0; from < owners.size(); from += FollowingRepository.CHUNK) {
                    changed += forget(appId, first, owners.subList(from, Math.min(owners.size(), from + FollowingRepository.CHUNK)));
                }
            }
        }
        return changed;
    }

    private int forget(long appId, ConversationRef first, List<String> owners) {
        // a big-group row's stored read point too: the sequence would count what changed
        return db.update(CONVERSATION).set(CONVERSATION.UNREAD_NUM, UnreadCounter.UNKNOWN)
                .set(CONVERSATION.READ_SEQ_MSG_ID, (Long) null)
                .where(CONVERSATION.APP_ID.eq(appId))
                .and(CONVERSATION.OWNER.in(owners))
                .and(CONVERSATION.CHAT_TYPE.eq(JooqEnums.conversationChatType(first.chatType())))
                .and(CONVERSATION.CONV_ID.eq(first.convId()))
                .and(CONVERSATION.UNREAD_NUM.isNotNull().or(CONVERSATION.READ_SEQ_MSG_ID.isNotNull()))
                .execute();
    }
}
