package io.roamdesk.console.history;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.roamdesk.app.App;
import io.roamdesk.console.support.ContentAccess;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.roaming.ConversationRef;

/** Shows whether content is masked and lets the reader reveal it with a reason. */
class RevealBar extends HorizontalLayout {

    private final ContentAccess access;
    private final Runnable revealed;
    private final Span status = new Span();
    private final Button reveal = new Button();
    private App app;
    private ConversationRef ref;

    RevealBar(ContentAccess access, Runnable revealed) {
        this.access = access;
        this.revealed = revealed;
        status.setId("reveal-status");
        reveal.setText(getTranslation("reveal.button"));
        reveal.setIcon(VaadinIcon.EYE.create());
        reveal.setId("reveal-button");
        reveal.addClickListener(e -> openDialog());
        add(status, reveal);
        setAlignItems(Alignment.CENTER);
        addClassName("reveal-bar");
    }

    void target(App app, ConversationRef ref) {
        this.app = app;
        this.ref = ref;
        update();
    }

    private void update() {
        var until = access.revealedUntil(app, ref);
        status.setText(until.map(t -> getTranslation("reveal.until", Formats.time(t)))
                .orElse(getTranslation("reveal.masked")));
        reveal.setVisible(until.isEmpty());
    }

    private void openDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("reveal.title", ref.owner(), ref.convId()));
        TextArea reason = new TextArea(getTranslation("common.reason"));
        reason.setId("reveal-reason");
        reason.setPlaceholder(getTranslation("common.reason.placeholder"));
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        Button ok = new Button(getTranslation("reveal.confirm"), e -> {
            if (Feedback.run(() -> access.reveal(app, ref, reason.getValue()))) {
                d.close();
                update();
                revealed.run();
            }
        });
        ok.setId("reveal-confirm");
        ok.setEnabled(false);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reason.addValueChangeListener(e -> ok.setEnabled(!e.getValue().isBlank()));
        d.add(new Paragraph(getTranslation("reveal.explain", ContentAccess.WINDOW.toMinutes())), reason);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), ok);
        d.setWidth("480px");
        d.open();
    }
}
