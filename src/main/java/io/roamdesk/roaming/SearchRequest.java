package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * One keyword search in one conversation, as its owner sees it: newest first, continued with
 * {@code cursor} (the previous answer's), optionally within the history filters.
 */
public record SearchRequest(String owner, ChatType chatType, String convId, @Nullable String query,
        @Nullable String cursor, int pageSize, HistoryFilter filter) {

    public static SearchRequest newest(String owner, ChatType chatType, String convId, String query, int pageSize) {
        return new SearchRequest(owner, chatType, convId, query, null, pageSize, HistoryFilter.none());
    }

    public SearchRequest withCursor(String next) {
        return new SearchRequest(owner, chatType, convId, query, next, pageSize, filter);
    }
}
