package io.roamdesk.roaming;

import io.roamdesk.core.Snowflake;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a user's conversation list, with its latest message as that user sees it, and
 * whether (and if not, why not) the client's list has it.
 */
public record ConversationEntry(
        String convId,
        ChatType chatType,
        long lastMsgId,
        @Nullable MessageEntry latest,
        Listing listing) {

    public long lastActivity() {
        return Snowflake.timestampOf(lastMsgId);
    }
}
