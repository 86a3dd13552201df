package io.roamdesk.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message as the signed-in user sees it, in the vendor's export format: {@code body} is
 * {@code payload.bodies[0]} ({@code {"type":"txt","msg":…}} and so on), {@code ext} the payload's ext.
 */
public record Message(String msgId, long timestamp, String from, String to, ConversationType chatType,
        String direction, JsonNode body, JsonNode ext) {

    static Message of(JsonNode m) {
        JsonNode payload = m.path("payload");
        return new Message(m.path("msg_id").asText(), m.path("timestamp").asLong(), m.path("from").asText(),
                m.path("to").asText(), ConversationType.of(m.path("chat_type").asText()), m.path("direction").asText(),
                payload.path("bodies").path(0), payload.path("ext"));
    }
}
