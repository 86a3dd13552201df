package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/** A message as stored: body and ext are JSON objects as text. */
public record StoredMessage(
        long msgId,
        String convKey,
        String from,
        String to,
        ChatType chatType,
        BodyType bodyType,
        String body,
        @Nullable String ext,
        Origin origin,
        long timestamp) {
}
