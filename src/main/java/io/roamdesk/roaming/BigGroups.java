package io.roamdesk.roaming;

import io.roamdesk.app.App;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Hybrid fan-out, the write side. A group with more members than the app's
 * {@code bigGroupMembers} keeps its newest message in its {@code group_state} row and its members'
 * rows follow it (merged in when a list is read, {@link BigGroupMerge}); a smaller group's sends
 * write every member's row. Every send, membership change and settling of a group takes the
 * group's state row lock first, then members' rows: one lock order, and the mode changes only
 * under that lock, so no message is folded in twice or missed when a group crosses the threshold
 * in either direction. A one-way deletion or a recall first settles the rows it changes (folds the
 * state in), then works on them exactly as under write fan-out.
 */
@Component
class BigGroups {

    private final GroupStateRepository states;
    private final FollowingRepository following;
    private final ConversationUpdateRepository conversationUpdates;
    private final GroupRepository groupRows;
    private final UnreadCounterRepository counters;

    BigGroups(GroupStateRepository states, FollowingRepository following, ConversationUpdateRepository conversationUpdates,
            GroupRepository groupRows, UnreadCounterRepository counters) {
        this.counters = counters;
        this.states = states;
        this.following = following;
        this.conversationUpdates = conversationUpdates;
        this.groupRows = groupRows;
    }

    /** A new group: its state row, in write fan-out until its first send finds it big. */
    void created(App app, String groupId, int members) {
        states.createIfMissing(app.appId(), groupId, members);
    }

    /**
     * Whether sends to these groups are cheap enough to share a transaction with other sends (group
     * commit): each is big, so a send writes the state row and the sender's row, not every member's.
     * {@code memberCounts}: each group's count as its state row kept it when the send was checked,
     * read without a lock: a group crossing the threshold meanwhile is still written right, only
     * without (or with) company.
     */
    boolean allCheap(App app, Collection<String> groupIds, Map<String, Integer> memberCounts) {
        return groupIds.stream().allMatch(g -> memberCounts.containsKey(g)
                && memberCounts.get(g) > app.settings().bigGroupMembers());
    }

    /**
     * In the send's transaction, before its ids are taken and before any conversation row: the group's
     * state row locked (one lock order; under it each new id is newer than the group's last committed
     * one), in the mode its member count asks for.
     */
    GroupState lockState(App app, String groupId) {
        return crossIfNeeded(app, lock(app, groupId));
    }

    /**
     * In the send's transaction, with the state {@link #lockState} answered: the group's messages, in id
     * order, reach its members. A smaller group's rows get each message (write fan-out); a big group's
     * state and each sender's row move once, to the newest id. Both only ever rise, so once is what
     * message by message would leave.
     */
    void deliverAll(App app, GroupState s, List<StoredMessage> inIdOrder) {
        String groupId = s.groupId();
        Map<String, OwnMessage> newestOwn = new TreeMap<>(); // senders in key order: the rows' lock order
        long seq = s.msgSeq();
        boolean late = false;
        List<String> members = null; // read once, for the first late message, if any
        for (StoredMessage m : inIdOrder) {
            seq++; // under the state's lock, in id order: the group's sequence follows its ids
            if (!s.readFanout()) {
                // only members get a row: an app back end posting as a non-member ("admin") gets none
                conversationUpdates.fanOutToGroup(app.appId(), groupId, m.convKey(), m.msgId(), m.origin(), m.from());
            } else {
                if (m.msgId() < s.lastMsgId()) {
                    // an id taken before a newer message committed: rows a settle already moved past it never saw it
                    members = members != null ? members : groupRows.members(app.appId(), groupId);
                    following.arrivedLate(app.appId(), groupId, members, m.msgId(), m.origin());
                    late = true;
                }
                newestOwn.merge(m.from(), new OwnMessage(m.msgId(), seq), (a, b) -> a.msgId() > b.msgId() ? a : b);
            }
        }
        // the sender's own newest message bounds the unread count of the sender's row (one row, by owner)
        newestOwn.forEach((sender, own) -> conversationUpdates.ownMessage(app.appId(), sender, groupId, own.msgId(), own.seq()));
        StoredMessage newest = inIdOrder.get(inIdOrder.size() - 1);
        // a late message's sequence is above read points past its id: none stored so far is trusted, nor the
        // senders' points of this batch (a sender's own late message is below a newer one it does not count)
        states.arrived(app.appId(), groupId, newest.msgId(), newest.origin(), seq, late ? seq + 1 : s.seqFloor());
    }

    /** A sender's newest message in a batch and its place in the group's sequence. */
    private record OwnMessage(long msgId, long seq) {
    }

    /** In the membership change's transaction, before it: the state row locked (and created when missing). */
    GroupState lock(App app, String groupId) {
        var s = states.lock(app.appId(), groupId);
        if (s.isPresent()) {
            return s.get();
        }
        states.createIfMissing(app.appId(), groupId, groupRows.members(app.appId(), groupId).size());
        return states.lock(app.appId(), groupId).orElseThrow();
    }

    /** With the state locked: members who just joined follow it (a big group), and the count moves. */
    void joined(App app, GroupState s, Collection<String> added) {
        states.addMembers(app.appId(), s.groupId(), added.size());
        // a returning member's row now counts what was sent while away (the next message moves its newest)
        counters.forget(app.appId(), rows(s.groupId(), added));
        if (s.readFanout()) {
            following.follow(app.appId(), s.groupId(), added, s.lastMsgId());
        }
    }

    /** With the state locked, before they leave: their rows get everything sent while they were members, then freeze. */
    void leaving(App app, GroupState s, Collection<String> removed) {
        states.addMembers(app.appId(), s.groupId(), -removed.size());
        if (s.readFanout()) {
            following.settle(app.appId(), s.groupId(), removed, s.lastMsgId(), s.lastOrigin());
            following.unfollow(app.appId(), s.groupId(), removed);
        }
        // a former member's frozen row is reached by no recall or purge any more: counted at list time
        counters.forget(app.appId(), rows(s.groupId(), removed));
    }

    private static List<ConversationRef> rows(String groupId, Collection<String> owners) {
        return owners.stream().map(o -> new ConversationRef(o, ChatType.GROUPCHAT, groupId)).toList();
    }

    /** Before a deletion changes the owner's row of a group: the row holds every message the group has. */
    void settle(App app, ConversationRef ref) {
        if (ref.chatType() != ChatType.GROUPCHAT) {
            return;
        }
        // a group without a state row never had a big-group row to settle (nor any group of that id)
        states.lock(app.appId(), ref.convId()).ifPresent(s ->
                following.settle(app.appId(), s.groupId(), List.of(ref.owner()), s.lastMsgId(), s.lastOrigin()));
    }

    /** Before a change of all the owner's rows (clear-all): every big group's row settled, groups in key order. */
    void settleOwner(App app, String owner) {
        TreeSet<String> groups = new TreeSet<>();
        following.following(app.appId(), owner).forEach(r -> groups.add(r.getConvId()));
        for (String g : groups) {
            settle(app, new ConversationRef(owner, ChatType.GROUPCHAT, g));
        }
    }

    /** Before a change of every member's row (a recall, a delete for all, a purge): all of them settled. */
    void settleGroup(App app, String groupId) {
        states.lock(app.appId(), groupId).ifPresent(s -> {
            // messages are about to disappear for everyone: a subtraction of sequences would still count them
            states.raiseSeqFloor(app.appId(), groupId, s.msgSeq());
            if (s.readFanout()) {
                following.settle(app.appId(), groupId, groupRows.members(app.appId(), groupId), s.lastMsgId(), s.lastOrigin());
            }
        });
    }

    /**
     * Brings the group's mode in line with its size and the app's threshold (the setting or the
     * membership may have changed since the last send): becoming big, every member's row follows
     * from the newest message they already hold; becoming small, every row gets the state folded
     * in and is written by the sends again.
     */
    private GroupState crossIfNeeded(App app, GroupState s) {
        boolean big = s.memberCount() > app.settings().bigGroupMembers();
        if (big == s.readFanout()) {
            return s;
        }
        long floor = s.seqFloor();
        if (big) {
            following.followAll(app.appId(), s.groupId(), s.lastMsgId());
            // read points stored while it was big before were not kept up to date while it was small
            floor = s.msgSeq() + 1;
            states.raiseSeqFloor(app.appId(), s.groupId(), floor);
        } else {
            List<String> members = groupRows.members(app.appId(), s.groupId());
            following.settle(app.appId(), s.groupId(), members, s.lastMsgId(), s.lastOrigin());
            following.unfollow(app.appId(), s.groupId(), members);
            // written by the sends again from here, but no send kept their counters while they followed
            counters.forget(app.appId(), rows(s.groupId(), members));
        }
        states.setReadFanout(app.appId(), s.groupId(), big);
        return new GroupState(s.groupId(), s.memberCount(), big, s.lastMsgId(), s.lastOrigin(), s.msgSeq(), floor);
    }
}
