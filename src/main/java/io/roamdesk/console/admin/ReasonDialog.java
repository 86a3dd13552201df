package io.roamdesk.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.roamdesk.console.support.ReasonField;
import java.util.List;
import java.util.function.Consumer;

/** A management action that takes something away (disable, rotate, reset): what happens, a reason, confirm. */
public class ReasonDialog extends Dialog {

    private final ReasonField reason = new ReasonField("reason-text");
    private final Button confirm = new Button();

    public ReasonDialog(String title, List<String> consequences, String confirmLabel, Consumer<String> onConfirm) {
        setId("reason-dialog");
        setHeaderTitle(title);
        Div box = new Div();
        box.setId("reason-preview");
        box.addClassName("preview-zone");
        consequences.forEach(line -> box.add(new Paragraph(line)));
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        confirm.setText(confirmLabel);
        confirm.setId("reason-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> {
            close();
            onConfirm.accept(reason.reason());
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("reason-cancel");
        add(box, reason);
        getFooter().add(cancel, confirm);
        setWidth("560px");
    }
}
