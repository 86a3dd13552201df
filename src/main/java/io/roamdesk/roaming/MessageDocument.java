package io.roamdesk.roaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The one JSON rendering of a message, in the vendor's export format (msg_id, timestamp, from, to,
 * chat_type, payload{bodies, ext}): the REST API hands it out, the console's detail pane shows it.
 */
public final class MessageDocument {

    private MessageDocument() {
    }

    /** The message as the REST API returns it. */
    public static ObjectNode of(ObjectMapper json, MessageEntry m) {
        return of(json, m, false);
    }

    /** The same document; {@code masked} leaves only each body's type in the payload, never its content. */
    public static ObjectNode of(ObjectMapper json, MessageEntry m, boolean masked) {
        ObjectNode node = json.createObjectNode()
                .put("msg_id", Long.toString(m.msgId()))
                .put("timestamp", m.timestamp())
                .put("from", m.from())
                .put("to", m.to())
                .put("chat_type", m.chatType().wire())
                .put("direction", "outgoing");
        ObjectNode payload = node.putObject("payload");
        if (masked) {
            payload.putArray("bodies").addObject().put("type", m.bodyType().wire()).put("masked", true);
            payload.putObject("ext");
        } else {
            // stored bodies are valid JSON (the column type checks it): written as they are, not parsed again
            payload.putArray("bodies").addRawValue(new RawValue(m.body()));
            payload.putRawValue("ext", new RawValue(m.ext() == null ? "{}" : m.ext()));
        }
        return node;
    }
}
