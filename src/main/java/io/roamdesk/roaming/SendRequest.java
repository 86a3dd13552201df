package io.roamdesk.roaming;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One send call: the same body to one or more targets (users, or groups), each target getting its
 * own message. {@code body} is the JSON object of the body without its type; {@code ext} a JSON
 * object or null.
 */
public record SendRequest(String from, ChatType chatType, List<String> targets, BodyType bodyType, String body,
        @Nullable String ext, Origin origin) {
}
