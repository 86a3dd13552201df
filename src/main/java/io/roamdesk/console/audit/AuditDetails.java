package io.roamdesk.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.roamdesk.audit.AuditEvent;
import io.roamdesk.console.support.Formats;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Every field of the selected event, under the grid; shown only while a row is selected. */
class AuditDetails extends Div {

    private final H4 title = new H4();
    private final Pre text = new Pre();
    private final UnaryOperator<String> actionLabel;
    private final UnaryOperator<String> outcomeLabel;
    private Map<Long, String> appKeys = Map.of();
    private Runnable onClose = () -> { };

    AuditDetails(UnaryOperator<String> actionLabel, UnaryOperator<String> outcomeLabel) {
        this.actionLabel = actionLabel;
        this.outcomeLabel = outcomeLabel;
        setId("audit-details");
        addClassName("audit-details");
        title.setId("audit-details-title");
        text.setId("audit-detail");
        text.addClassName("audit-detail");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> onClose.run());
        close.setId("audit-details-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(getTranslation("common.close"));
        HorizontalLayout header = new HorizontalLayout(title, close);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(header, text);
        setVisible(false);
    }

    void appKeys(Map<Long, String> keys) {
        this.appKeys = keys;
    }

    void onClose(Runnable r) {
        this.onClose = r;
    }

    void show(@Nullable AuditEvent e) {
        setVisible(e != null);
        if (e == null) {
            return;
        }
        title.setText(getTranslation("audit.details.title", String.valueOf(e.eventId())));
        text.setText("event_id: " + e.eventId() + "\noccurred_at: " + Formats.time(e.occurredAt()) + "\nactor: " + e.actor()
                + " (" + e.actorRole() + ")\naction: " + actionLabel.apply(e.action()) + " (" + e.action() + ")\napp: "
                + (e.appId() == null ? "-" : appKeys.getOrDefault(e.appId(), String.valueOf(e.appId()))) + "\ntarget_user: "
                + e.targetUser() + "\ntarget: " + e.target() + "\nparams: " + e.params() + "\noutcome: "
                + outcomeLabel.apply(e.outcome()) + " (" + e.outcome() + ")\nreason: " + e.reason() + "\nchain: "
                + e.chainId() + " #" + e.chainSeq() + "\nprev_hash: " + e.prevHash() + "\nrow_hash: " + e.rowHash());
    }
}
