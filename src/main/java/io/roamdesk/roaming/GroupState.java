package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * A group's own state (table {@code group_state}): its member count, whether its members' rows
 * follow this state (read fan-out) or are written by every send, its newest message, how many
 * messages it has had ({@code msgSeq}) and the lowest sequence a member's stored read point may
 * stand at to be trusted for an unread count ({@code seqFloor}, {@link BigGroupUnread}).
 */
record GroupState(String groupId, int memberCount, boolean readFanout, long lastMsgId, @Nullable Origin lastOrigin,
        long msgSeq, long seqFloor) {
}
