package io.roamdesk.console.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import io.roamdesk.roaming.MessageDocument;
import io.roamdesk.roaming.MessageEntry;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The raw JSON of the open message exactly as the REST API hands it out ({@link MessageDocument}),
 * masked until its reader reveals the conversation, plus what deletions did to it (console only).
 */
class MessageDetail extends Div {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Pre raw = new Pre();
    private final BooleanSupplier revealed;
    private @Nullable MessageEntry open;

    MessageDetail(BooleanSupplier revealed) {
        this.revealed = revealed;
        setId("message-detail");
        addClassName("message-detail");
        raw.setId("message-json");
        add(new H4(getTranslation("history.detail")), raw);
        raw.setText(getTranslation("history.detail.none"));
    }

    void show(MessageEntry m) {
        open = m;
        ObjectNode node = MessageDocument.of(JSON, m, !revealed.getAsBoolean());
        ObjectNode console = node.putObject("console");
        console.put("origin", m.origin().name().toLowerCase(Locale.ROOT))
                .put("hidden_for_owner", m.hiddenForOwner())
                .put("deleted_for_all", m.deletedForAll());
        raw.setText(node.toPrettyString());
    }

    /** Renders the open message again (after a reveal, its content replaces the mask). */
    void refresh() {
        if (open != null) {
            show(open);
        }
    }

    void clear() {
        open = null;
        raw.setText(getTranslation("history.detail.none"));
    }
}
