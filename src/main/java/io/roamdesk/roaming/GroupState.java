package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * A group's own state (table {@code group_state}): its member count, whether its members' rows
 * follow this state (read fan-out) or are written by every send, and its newest message.
 */
record GroupState(String groupId, int memberCount, boolean readFanout, long lastMsgId, @Nullable Origin lastOrigin) {
}
