package io.roamdesk.roaming;

import io.roamdesk.jooq.tables.records.ConversationRecord;
import org.jspecify.annotations.Nullable;

/**
 * A big group's unread count as a subtraction: the group's sequence ({@code group_state.msg_seq},
 * raised by every send under the state's lock, in id order) minus the sequence the member's read
 * point stood at when it was stored. Trusted only while every message after the read point is one
 * the member would count: the stored point is still the row's read point (a read, a clear or an own
 * message since would have moved it), it is not below the group's floor (nothing disappeared for
 * everyone, arrived late or went unsequenced since) and the member hid nothing since (a one-way
 * deletion forgets the stored point). The messages after the read point are others' by definition
 * (the point is at least the owner's newest own message). Otherwise the list counts the messages.
 */
final class BigGroupUnread {

    private BigGroupUnread() {
    }

    /** The count for a following row and its group's state, capped; null when the sequence cannot tell. */
    static @Nullable Integer count(ConversationRecord row, GroupState s) {
        Long at = row.getReadSeqMsgId();
        Long seq = row.getReadSeq();
        if (at == null || seq == null || at != UnreadRepository.Probe.of(row).after() || seq < s.seqFloor()
                // a state read before the row (no common snapshot): the row may know messages the state does not
                || seq > s.msgSeq() || row.getLastMsgId() > s.lastMsgId()) {
            return null;
        }
        return (int) Math.min(s.msgSeq() - seq, UnreadCounter.CAP);
    }
}
