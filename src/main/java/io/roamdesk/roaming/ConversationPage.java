package io.roamdesk.roaming;

import java.util.List;

/** A page of conversations and the cursor for the next one (empty at the end). */
public record ConversationPage(List<ConversationEntry> conversations, String nextCursor) {

    public boolean isLast() {
        return nextCursor.isEmpty();
    }
}
