package io.roamdesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.MessageDocument;
import io.roamdesk.roaming.MessageEntry;
import org.springframework.stereotype.Component;

/** Messages in the vendor's export format: msg_id, timestamp, from, to, chat_type, payload{bodies, ext}. */
@Component
class MessageJson {

    private final ObjectMapper json;

    MessageJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode message(MessageEntry m) {
        return MessageDocument.of(json, m);
    }

    ObjectNode conversation(ConversationEntry c) {
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
