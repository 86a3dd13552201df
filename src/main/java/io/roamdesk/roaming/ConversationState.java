package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/** One row of an owner's conversation index, as a bulk loader computes it. */
public record ConversationState(
        String owner,
        ChatType chatType,
        String convId,
        String convKey,
        long lastMsgId,
        @Nullable Long latestVisibleMsgId,
        @Nullable Origin latestVisibleOrigin) {
}
