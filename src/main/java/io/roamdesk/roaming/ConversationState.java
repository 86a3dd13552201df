package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * One row of an owner's conversation index, as a bulk loader computes it; {@code ownLastMsgId} is
 * the owner's newest own message in it (0 when none), where its unread count starts; {@code unreadNum}
 * its maintained unread count (messages of others after that, at most 100), null when the loader
 * does not know it (the list then counts it until the owner's first read).
 */
public record ConversationState(
        String owner,
        ChatType chatType,
        String convId,
        String convKey,
        long lastMsgId,
        @Nullable Long latestVisibleMsgId,
        @Nullable Origin latestVisibleOrigin,
        long ownLastMsgId,
        @Nullable Integer unreadNum) {

    /** A row whose unread count is left to the list. */
    public ConversationState(String owner, ChatType chatType, String convId, String convKey, long lastMsgId,
            @Nullable Long latestVisibleMsgId, @Nullable Origin latestVisibleOrigin, long ownLastMsgId) {
        this(owner, chatType, convId, convKey, lastMsgId, latestVisibleMsgId, latestVisibleOrigin, ownLastMsgId, null);
    }

    /** A row whose owner sent none of its messages. */
    public ConversationState(String owner, ChatType chatType, String convId, String convKey, long lastMsgId,
            @Nullable Long latestVisibleMsgId, @Nullable Origin latestVisibleOrigin) {
        this(owner, chatType, convId, convKey, lastMsgId, latestVisibleMsgId, latestVisibleOrigin, 0L);
    }
}
