package io.roamdesk.console.support;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.roamdesk.app.AppService;

/**
 * The reason every destructive action asks for: required, at most the length the audit trail
 * keeps, checked as it is typed (the dialog's confirm button follows it).
 */
public class ReasonField extends TextArea {

    public ReasonField(String id) {
        setId(id);
        setLabel(getTranslation("common.reason"));
        setPlaceholder(getTranslation("common.reason.placeholder"));
        setRequired(true);
        setMaxLength(AppService.MAX_REASON);
        setWidthFull();
        setValueChangeMode(ValueChangeMode.EAGER);
    }

    /** The reason as recorded: without surrounding blanks. */
    public String reason() {
        return getValue().strip();
    }

    public boolean isBlank() {
        return getValue().isBlank();
    }
}
