package io.roamdesk.console.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import io.roamdesk.roaming.MessageView;

/** The raw JSON of one message, as the REST API would hand it out, plus what deletions did to it. */
class MessageDetail extends Div {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Pre raw = new Pre();

    MessageDetail() {
        setId("message-detail");
        addClassName("message-detail");
        raw.setId("message-json");
        add(new H4(getTranslation("history.detail")), raw);
        raw.setText(getTranslation("history.detail.none"));
    }

    void show(MessageView m, boolean revealed) {
        try {
            ObjectNode node = JSON.createObjectNode()
                    .put("msg_id", Long.toString(m.msgId()))
                    .put("timestamp", m.timestamp())
                    .put("from", m.from())
                    .put("to", m.to())
                    .put("chat_type", m.chatType().wire())
                    .put("origin", m.origin().name().toLowerCase(java.util.Locale.ROOT))
                    .put("hidden_for_owner", m.hiddenForOwner())
                    .put("deleted_for_all", m.deletedForAll());
            ObjectNode payload = node.putObject("payload");
            if (revealed) {
                payload.putArray("bodies").add(JSON.readTree(m.body()));
                payload.set("ext", m.ext() == null ? JSON.createObjectNode() : JSON.readTree(m.ext()));
            } else {
                payload.putArray("bodies").addObject().put("type", m.bodyType().wire()).put("masked", true);
            }
            raw.setText(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            raw.setText(getTranslation("history.detail.none"));
        }
    }

    void clear() {
        raw.setText(getTranslation("history.detail.none"));
    }
}
