package io.roamdesk.roaming;

import java.util.List;

/**
 * Hits newest first and the cursor to continue (empty once the whole conversation was searched).
 * A page can hold fewer hits than asked, even none, and still have a cursor: the call's scan budget
 * ran out at {@code scannedToTime} (the server time of the oldest message looked at), and the next
 * call continues below it. {@code scanned} counts the messages this call looked at.
 */
public record SearchPage(List<MessageEntry> hits, String nextCursor, int scanned, long scannedToTime) {

    public boolean isLast() {
        return nextCursor.isEmpty();
    }
}
