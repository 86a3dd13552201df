package io.roamdesk.roaming;

import java.util.List;

/** A page of history in paging order, and the cursor for the next page (empty at the end). */
public record HistoryPage(List<MessageEntry> messages, String nextCursor) {

    public boolean isLast() {
        return nextCursor.isEmpty();
    }
}
