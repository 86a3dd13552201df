package io.roamdesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.roamdesk.roaming.ConversationView;
import io.roamdesk.roaming.MessageView;
import org.springframework.stereotype.Component;

/** Messages in the vendor's export format: msg_id, timestamp, from, to, chat_type, payload{bodies, ext}. */
@Component
class MessageJson {

    private final ObjectMapper json;

    MessageJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode message(MessageView m) {
        ObjectNode node = json.createObjectNode()
                .put("msg_id", Long.toString(m.msgId()))
                .put("timestamp", m.timestamp())
                .put("from", m.from())
                .put("to", m.to())
                .put("chat_type", m.chatType().wire())
                .put("direction", "outgoing");
        ObjectNode payload = node.putObject("payload");
        // stored bodies are valid JSON (the column type checks it): written as they are, not parsed again
        payload.putArray("bodies").addRawValue(new RawValue(m.body()));
        payload.putRawValue("ext", new RawValue(m.ext() == null ? "{}" : m.ext()));
        return node;
    }

    ObjectNode conversation(ConversationView c) {
        ObjectNode node = json.createObjectNode()
                .put("channel_id", c.convId())
                .put("type", c.chatType().wire())
                .put("last_activity", c.lastActivity());
        if (c.latest() != null) {
            node.set("meta", message(c.latest()));
        } else {
            node.putNull("meta");
        }
        return node;
    }
}
