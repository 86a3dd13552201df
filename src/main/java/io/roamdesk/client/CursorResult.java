package io.roamdesk.client;

import java.util.List;

/**
 * The seed's {@code CursorResult}: one page and the cursor to pass back as {@code startId} for the
 * next one; the cursor is empty after the last page.
 */
public record CursorResult<T>(List<T> data, String cursor) {

    public CursorResult {
        data = List.copyOf(data);
    }

    public List<T> getData() {
        return data;
    }

    public String getCursor() {
        return cursor;
    }
}
