package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * One history call. Continue with {@code cursor} (from the previous page) or start after
 * {@code startId} (exclusive); neither starts at the newest (UP) or oldest (DOWN) message.
 */
public record HistoryRequest(String owner, ChatType chatType, String convId, @Nullable String cursor,
        @Nullable Long startId, Direction direction, int pageSize, HistoryFilter filter) {

    public static HistoryRequest newest(String owner, ChatType chatType, String convId, int pageSize) {
        return new HistoryRequest(owner, chatType, convId, null, null, Direction.UP, pageSize, HistoryFilter.none());
    }

    public HistoryRequest withCursor(String next) {
        return new HistoryRequest(owner, chatType, convId, next, null, direction, pageSize, filter);
    }
}
