package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dry runs of deletions against the list rule ({@link Listing}): which conversations, listed now,
 * a deletion would take out of their owners' lists, and why. Reads only; the deletions themselves
 * recompute the same state under a lock.
 */
@Component
class ListForecast {

    /** Participants checked one by one in a delete-for-all preview; a bigger group is reported in part. */
    static final int MAX_PARTICIPANTS_CHECKED = 200;

    private final MessageRepository messageRows;
    private final ConversationIndexRepository conversationIndex;
    private final BigGroupMerge merged;

    ListForecast(MessageRepository messageRows, ConversationIndexRepository conversationIndex, BigGroupMerge merged) {
        this.messageRows = messageRows;
        this.conversationIndex = conversationIndex;
        this.merged = merged;
    }

    /** Whether the row is in its owner's list right now: it passes the rule and is within the cap. */
    boolean listedNow(App app, ConversationRecord r) {
        boolean rest = app.settings().restInList();
        int cap = app.settings().conversationCap();
        return Listing.of(r, rest).listed()
                && merged.countListedNewerThan(app.appId(), r.getOwner(), rest, r.getLastMsgId(), cap) < cap;
    }

    /** Hiding {@code ids} for the owner only. */
    List<ListChange> hidingIds(App app, ConversationRef ref, Set<Long> ids) {
        Optional<ConversationRecord> row = merged.effective(app.appId(), conversationIndex.conversation(app.appId(), ref));
        if (row.isEmpty() || !listedNow(app, row.get())) {
            return List.of();
        }
        ConversationRecord r = row.get();
        Long latest = r.getLatestVisibleMsgId();
        if (latest == null || !ids.contains(latest)) {
            return List.of();   // the newest visible message stays: nothing about the list changes
        }
        long below = latest;
        Optional<io.roamdesk.jooq.tables.records.MessageRecord> next;
        // at most one step per hidden id: the newest visible message the owner keeps
        do {
            next = messageRows.newestVisible(app.appId(), ref.convKey(), ref.owner(), r.getClearedBeforeMsgId(), below);
            if (next.isPresent()) {
                below = next.get().getMsgId();
            }
        } while (next.isPresent() && ids.contains(next.get().getMsgId()));
        return after(app, r, next.map(m -> m.getMsgId()).orElse(null), next.map(m -> JooqEnums.origin(m.getOrigin())).orElse(null));
    }

    /** Hiding, for the owner only, everything up to the message id {@code watermark}. */
    List<ListChange> hidingUpTo(App app, ConversationRef ref, long watermark) {
        Optional<ConversationRecord> row = merged.effective(app.appId(), conversationIndex.conversation(app.appId(), ref));
        if (row.isEmpty() || !listedNow(app, row.get())) {
            return List.of();
        }
        ConversationRecord r = row.get();
        Long latest = r.getLatestVisibleMsgId();
        if (latest == null || latest > watermark) {
            return List.of();
        }
        var next = messageRows.newestVisible(app.appId(), ref.convKey(), ref.owner(),
                Math.max(watermark, r.getClearedBeforeMsgId()), Long.MAX_VALUE);
        return after(app, r, next.map(m -> m.getMsgId()).orElse(null), next.map(m -> JooqEnums.origin(m.getOrigin())).orElse(null));
    }

    /** Removing the conversation from the owner's list (its messages stay). */
    List<ListChange> removingFromList(App app, ConversationRef ref) {
        return merged.effective(app.appId(), conversationIndex.conversation(app.appId(), ref)).filter(r -> listedNow(app, r))
                .map(r -> List.of(change(r, Listing.DELETED))).orElse(List.of());
    }

    /** Clearing everything of the owner: every listed conversation has nothing visible left. */
    List<ListChange> clearingAll(App app, String owner) {
        var listed = merged.list(app.appId(), owner, app.settings().restInList(), false, null, 0, 0,
                app.settings().conversationCap());
        return listed.stream().map(r -> change(r, Listing.NOTHING_VISIBLE)).toList();
    }

    /**
     * Deleting every message up to {@code boundary} for all participants: the owner's row is also
     * removed from its list; every other participant's row whose newest visible message is covered
     * shows nothing.
     */
    List<ListChange> deletingForAll(App app, ConversationRef ref, Collection<ConversationRef> participantRows, long boundary) {
        List<ListChange> out = new ArrayList<>();
        var rows = merged.effective(app.appId(), conversationIndex.conversations(app.appId(), ref.chatType(),
                participantRows.stream().limit(MAX_PARTICIPANTS_CHECKED).toList()));
        for (ConversationRecord r : rows) {
            boolean owner = r.getOwner().equals(ref.owner());
            Long latest = r.getLatestVisibleMsgId();
            boolean emptied = latest != null && latest <= boundary;
            if ((owner || emptied) && listedNow(app, r)) {
                out.add(change(r, owner ? Listing.DELETED : Listing.NOTHING_VISIBLE));
            }
        }
        return out;
    }

    private List<ListChange> after(App app, ConversationRecord r, @Nullable Long latest, @Nullable Origin origin) {
        Listing after = Listing.of(Boolean.TRUE.equals(r.getHidden()), latest, origin, app.settings().restInList());
        return after.listed() ? List.of() : List.of(change(r, after));
    }

    private static ListChange change(ConversationRecord r, Listing after) {
        return new ListChange(r.getOwner(), r.getConvId(), JooqEnums.chatType(r.getChatType()), after);
    }
}
