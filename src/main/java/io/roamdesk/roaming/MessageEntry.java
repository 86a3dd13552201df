package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * A message as one user sees it. {@code hiddenForOwner} and {@code deletedForAll} are only ever
 * true when a console asked to see what deletions hid.
 */
public record MessageEntry(
        long msgId,
        String from,
        String to,
        ChatType chatType,
        BodyType bodyType,
        String body,
        @Nullable String ext,
        Origin origin,
        long timestamp,
        boolean hiddenForOwner,
        boolean deletedForAll) {
}
