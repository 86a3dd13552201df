package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The cursor list's own state (pins, marks, read pointers) on big-group rows: the pinned and marked
 * lists, the pin count and "all read" see each big-group row with its group's newest message folded
 * in ({@link BigGroupMerge}), by the same rule and cap as the rows their queries read.
 */
@Component
class BigGroupLists {

    private static final Comparator<ConversationRecord> BY_PIN = Comparator.comparing(ConversationRecord::getPinnedAt).reversed();

    private final BigGroupMerge merge;
    private final ConversationPrefsRepository prefs;

    BigGroupLists(BigGroupMerge merge, ConversationPrefsRepository prefs) {
        this.merge = merge;
        this.prefs = prefs;
    }

    /** A pinned or marked page the query read, with the owner's big-group rows passing the same filter merged in. */
    List<ConversationRecord> filtered(App app, String owner, List<ConversationRecord> own, long capBoundary, boolean pinnedOnly,
            @Nullable Integer mark, @Nullable Long before, int limit) {
        Predicate<ConversationRecord> f = listed(app, capBoundary);
        if (mark != null) {
            f = f.and(r -> (r.getMarks() & Marks.bit(mark)) != 0);
        }
        if (pinnedOnly) {
            f = f.and(r -> r.getPinnedAt() != null && (before == null || r.getPinnedAt() < before));
        } else if (before != null) {
            f = f.and(r -> r.getLastMsgId() < before);
        }
        return merge.filtered(app.appId(), owner, own, f, pinnedOnly ? BY_PIN : BigGroupMerge.BY_ACTIVITY, limit);
    }

    /** The pins among the owner's big-group rows that the pinned list shows. */
    int countPinned(App app, String owner, long capBoundary) {
        return (int) merge.following(app.appId(), owner).stream()
                .filter(listed(app, capBoundary).and(r -> r.getPinnedAt() != null)).count();
    }

    List<ConversationRecord> effective(App app, List<ConversationRecord> rows) {
        return merge.effective(app.appId(), rows);
    }

    Optional<ConversationRecord> one(App app, ConversationRef ref) {
        return merge.effective(app.appId(), prefs.one(app.appId(), ref));
    }

    /**
     * "All read" on the owner's big-group rows: each read up to its group's newest message, then
     * {@code afterRead} with the row locked (the read point's sequence is stored there); how many moved.
     */
    int readAll(App app, String owner, java.util.function.Consumer<ConversationRef> afterRead) {
        int moved = 0;
        for (ConversationRecord r : merge.following(app.appId(), owner)) {
            if (r.getReadUpToMsgId() < r.getLastMsgId()) {
                ConversationRef ref = new ConversationRef(owner, ChatType.GROUPCHAT, r.getConvId());
                moved += prefs.raiseReadUpTo(app.appId(), ref, r.getLastMsgId());
                afterRead.accept(ref);
            }
        }
        return moved;
    }

    private static Predicate<ConversationRecord> listed(App app, long capBoundary) {
        boolean rest = app.settings().restInList();
        return r -> Listing.of(r, rest).listed() && r.getLastMsgId() >= capBoundary;
    }
}
