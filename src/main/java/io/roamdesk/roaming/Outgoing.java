package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/** One message of a send, checked and ready to be written: one sender, one target, normalised body. */
record Outgoing(String from, String target, ChatType chatType, BodyType bodyType, String body, @Nullable String ext,
        Origin origin) {
}
