package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;

import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Hybrid fan-out, the read side: a member's list merges the member's own rows (one keyset walk of
 * the activity index, big-group rows left out) with the member's big-group rows, each with its
 * group's newest message folded in exactly as a send's write fan-out would have done it (same rule
 * as the arrival upsert), in one newest-first order. Three statements at most: the own rows, the
 * owner's big-group rows (keyed by app + owner), their groups' states (keyed by app + group); on a
 * sharded deployment the first two run on the owner's shard and the third on the groups' shards.
 */
@Component
class BigGroupMerge {

    static final Comparator<ConversationRecord> BY_ACTIVITY = Comparator.comparing(ConversationRecord::getLastMsgId).reversed();

    private final FollowingRepository following;
    private final GroupStateRepository states;
    private final ConversationIndexRepository conversationIndex;

    BigGroupMerge(FollowingRepository following, GroupStateRepository states, ConversationIndexRepository conversationIndex) {
        this.following = following;
        this.states = states;
        this.conversationIndex = conversationIndex;
    }

    /** The owner's big-group rows as write fan-out would have left them (unordered). */
    List<ConversationRecord> following(long appId, String owner) {
        return effective(appId, following.following(appId, owner));
    }

    /** These rows, each with its group's state folded in where it follows one. */
    List<ConversationRecord> effective(long appId, List<ConversationRecord> rows) {
        List<String> groups = rows.stream().filter(r -> r.getFollowFromMsgId() != null).map(ConversationRecord::getConvId)
                .distinct().toList();
        if (groups.isEmpty()) {
            return rows;
        }
        Map<String, GroupState> byGroup = new HashMap<>();
        states.states(appId, groups).forEach(s -> byGroup.put(s.groupId(), s));
        return rows.stream().map(r -> r.getFollowFromMsgId() == null ? r : folded(r, byGroup.get(r.getConvId()))).toList();
    }

    Optional<ConversationRecord> effective(long appId, Optional<ConversationRecord> row) {
        return row.map(r -> effective(appId, List.of(r)).get(0));
    }

    /**
     * The group's newest message applied to a following row, as the arrival upsert applies a message:
     * it becomes the latest visible one unless a newer one is or the clear-all watermark covers it.
     * The copy's {@code unread_num} is the count the group's sequence gives, or null where it gives
     * none (the list then counts the messages): no send keeps a following row's own counter.
     */
    static ConversationRecord folded(ConversationRecord r, @Nullable GroupState s) {
        ConversationRecord e = r.into(CONVERSATION);
        e.setUnreadNum(s == null ? null : BigGroupUnread.count(r, s));
        if (s == null || r.getFollowFromMsgId() == null || s.lastMsgId() <= r.getFollowFromMsgId()) {
            return e;
        }
        long m = s.lastMsgId();
        boolean newer = (r.getLatestVisibleMsgId() == null || r.getLatestVisibleMsgId() < m) && r.getClearedBeforeMsgId() < m;
        if (newer) {
            e.setLatestVisibleMsgId(m);
            e.setLatestVisibleOrigin(JooqEnums.conversationOrigin(s.lastOrigin()));
        }
        e.setLastMsgId(Math.max(r.getLastMsgId(), m));
        e.setHidden(false);
        return e;
    }

    /**
     * {@link ConversationIndexRepository#listConversations} over the merged list: newest activity
     * first, below {@code before}, above {@code after}, from {@code offset} (bounded by the cap).
     */
    List<ConversationRecord> list(long appId, String owner, boolean includeRest, boolean includeInvisible,
            @Nullable Long before, long after, int offset, int limit) {
        List<ConversationRecord> big = following(appId, owner).stream()
                .filter(r -> includeInvisible || Listing.of(r, includeRest).listed())
                .filter(r -> r.getLastMsgId() > after && (before == null || r.getLastMsgId() < before))
                .toList();
        if (big.isEmpty()) {
            return conversationIndex.listConversations(appId, owner, includeRest, includeInvisible, before, after, offset, limit);
        }
        var own = conversationIndex.listConversations(appId, owner, includeRest, includeInvisible, before, after, 0, offset + limit);
        List<ConversationRecord> all = merge(own, big, BY_ACTIVITY, offset + limit);
        return all.subList(Math.min(offset, all.size()), all.size());
    }

    /** {@link ConversationIndexRepository#countListedNewerThan} over the merged list. */
    int countListedNewerThan(long appId, String owner, boolean restInList, long lastMsgId, int cap) {
        long big = following(appId, owner).stream()
                .filter(r -> Listing.of(r, restInList).listed() && r.getLastMsgId() > lastMsgId).count();
        return (int) Math.min(cap, conversationIndex.countListedNewerThan(appId, owner, restInList, lastMsgId, cap) + big);
    }

    /**
     * One page of a filtered list (pinned, marked): the own rows the query found, merged with the
     * owner's big-group rows that pass the same filter, in the list's order, at most {@code limit}.
     */
    List<ConversationRecord> filtered(long appId, String owner, List<ConversationRecord> own, Predicate<ConversationRecord> filter,
            Comparator<ConversationRecord> order, int limit) {
        List<ConversationRecord> big = following(appId, owner).stream().filter(filter).toList();
        return big.isEmpty() ? own : merge(own, big, order, limit);
    }

    private static List<ConversationRecord> merge(List<ConversationRecord> own, List<ConversationRecord> big,
            Comparator<ConversationRecord> order, int limit) {
        List<ConversationRecord> all = new ArrayList<>(own.size() + big.size());
        all.addAll(own);
        all.addAll(big);
        all.sort(order);
        return all.size() > limit ? all.subList(0, limit) : all;
    }
}
