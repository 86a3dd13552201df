package io.roamdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the cursor list: the conversation, whether it is pinned (and since when, ms; 0 when
 * not), its marks ({@code MARK_0} … {@code MARK_19}) and how many messages of others this user has
 * not read (exact below 100; 100 means 100 or more).
 */
public record ServerConversation(Conversation conversation, boolean pinned, long pinnedTime, List<String> marks,
        int unreadCount) {

    static ServerConversation of(JsonNode c) {
        List<String> marks = new ArrayList<>();
        c.path("marks").forEach(m -> marks.add(m.asText()));
        return new ServerConversation(Conversation.of(c), c.path("is_top").asBoolean(), c.path("pinned_time").asLong(),
                List.copyOf(marks), c.path("unread_num").asInt());
    }
}
