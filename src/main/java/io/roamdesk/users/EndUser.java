package io.roamdesk.users;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A user of an app. {@code uuid} is derived from the app, the name and the creation time, so a
 * user deleted and registered again gets a new one. {@code hasPassword} is false for users that
 * exist only because messages named them.
 */
public record EndUser(long appId, String username, long created, long modified, boolean activated,
        boolean hasPassword) {

    public String uuid() {
        return UUID.nameUUIDFromBytes((appId + "/" + username + "/" + created).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
