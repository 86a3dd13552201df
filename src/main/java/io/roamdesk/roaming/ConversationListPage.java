package io.roamdesk.roaming;

import java.util.List;

/** A page of the cursor list and the cursor of the next one (empty at the end). */
public record ConversationListPage(List<ConversationListItem> entries, String nextCursor) {

    public boolean isLast() {
        return nextCursor.isEmpty();
    }
}
