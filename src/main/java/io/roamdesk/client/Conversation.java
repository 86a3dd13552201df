package io.roamdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** One entry of the server conversation list: the peer or group, its last activity and its latest visible message. */
public record Conversation(String conversationId, ConversationType type, long lastActivity,
        @Nullable Message latestMessage) {

    static Conversation of(JsonNode c) {
        JsonNode meta = c.path("meta");
        return new Conversation(c.path("channel_id").asText(), ConversationType.of(c.path("type").asText()),
                c.path("last_activity").asLong(), meta.isObject() && meta.has("msg_id") ? Message.of(meta) : null);
    }
}
