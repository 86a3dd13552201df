package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The unread count of each listed entry: the row's maintained counter ({@code unread_num}; for a
 * row following a big group's state, which no send writes, the count by the group's sequence,
 * {@link BigGroupUnread}), or, where it is not known, the bounded count of the messages
 * ({@link UnreadRepository}) as before.
 */
@Component
class UnreadCounts {

    private final UnreadRepository unread;
    private final UnreadCounterRepository counters;
    private final ConversationPrefsRepository prefs;
    private final GroupRepository groupRows;
    private final GroupStateRepository states;

    UnreadCounts(UnreadRepository unread, UnreadCounterRepository counters, ConversationPrefsRepository prefs,
            GroupRepository groupRows, GroupStateRepository states) {
        this.unread = unread;
        this.counters = counters;
        this.prefs = prefs;
        this.groupRows = groupRows;
        this.states = states;
    }

    /** The counts of these rows (null rows are left out), in order: one count statement for those not known, if any. */
    List<Integer> of(long appId, String owner, List<@Nullable ConversationRecord> rows) {
        List<ConversationRecord> present = rows.stream().filter(r -> r != null).toList();
        List<UnreadRepository.Probe> probes = present.stream().filter(UnreadCounts::counted)
                .map(UnreadRepository.Probe::of).toList();
        List<Integer> counted = unread.unread(appId, owner, probes, UnreadCounter.CAP);
        Integer[] out = new Integer[present.size()];
        int next = 0;
        for (int i = 0; i < present.size(); i++) {
            ConversationRecord r = present.get(i);
            out[i] = counted(r) ? counted.get(next++) : Math.min(r.getUnreadNum(), UnreadCounter.CAP);
        }
        return List.of(out);
    }

    /**
     * Stores the exact count of one row. The caller holds the row's lock (it just wrote it) and runs
     * at READ COMMITTED, so the count sees every arrival and deletion committed before the lock, and
     * every later arrival waits for the lock and then adds to what is stored here.
     */
    void recount(App app, ConversationRef ref) {
        ConversationRecord row = prefs.one(app.appId(), ref).orElse(null);
        if (row == null) {
            return;
        }
        if (row.getFollowFromMsgId() != null) {
            storeReadSeq(app, ref, row);
            return;
        }
        UnreadRepository.Probe p = UnreadRepository.Probe.of(row);
        Integer n;
        if (p.after() >= p.upTo()) {
            n = 0; // read up to its newest message: nothing can become unread below it
        } else if (ref.chatType() == ChatType.GROUPCHAT && !groupRows.isMember(app.appId(), ref.convId(), ref.owner())) {
            n = null; // a former member's row: recalls and purges no longer reach it, so it is counted at list time
        } else {
            n = unread.unread(app.appId(), ref.owner(), List.of(p), UnreadCounter.CAP).get(0);
        }
        counters.store(app.appId(), ref, n);
    }

    /**
     * A big group's row is counted at list time, by its group's sequence where the row's read point
     * is the group's newest message: the state is read after the row's lock at READ COMMITTED, so it
     * holds every message a deletion of this row could have hidden (the deletion locked the row first)
     * and a read point from an older state is simply not stored.
     */
    private void storeReadSeq(App app, ConversationRef ref, ConversationRecord row) {
        long at = UnreadRepository.Probe.of(row).after();
        states.states(app.appId(), List.of(ref.convId())).stream().filter(s -> s.lastMsgId() == at).findFirst()
                .ifPresent(s -> counters.storeReadSeq(app.appId(), ref, at, s.msgSeq()));
    }

    /** Rows without a known count; a following row's count is what its group's sequence gave ({@link BigGroupMerge#folded}). */
    private static boolean counted(ConversationRecord r) {
        return r.getUnreadNum() == null;
    }
}
