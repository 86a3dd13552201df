package io.roamdesk.console.deletion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.roamdesk.console.support.ReasonField;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every deletion goes through this: a preview of what will happen, a reason, an explicit
 * confirmation. Deletions for all participants are drawn as dangerous and need a second tick.
 */
public class DeletionDialog extends Dialog {

    private final ReasonField reason = new ReasonField("deletion-reason");
    private final Checkbox understood = new Checkbox();
    private final Button confirm = new Button();
    private final boolean danger;

    public DeletionDialog(String title, List<String> preview, boolean danger, Consumer<String> onConfirm) {
        this.danger = danger;
        setId("deletion-dialog");
        setHeaderTitle(title);
        Div box = new Div();
        box.setId("deletion-preview");
        box.addClassName(danger ? "danger-zone" : "preview-zone");
        preview.forEach(line -> box.add(new Paragraph(line)));
        reason.addValueChangeListener(e -> update());
        understood.setId("deletion-understood");
        understood.setLabel(getTranslation("delete.understood"));
        understood.setVisible(danger);
        understood.addValueChangeListener(e -> update());
        confirm.setText(getTranslation(danger ? "delete.confirm.all" : "delete.confirm"));
        confirm.setId("deletion-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> {
            close();
            onConfirm.accept(reason.reason());
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("deletion-cancel");
        add(box, reason, understood);
        getFooter().add(cancel, confirm);
        setWidth("560px");
    }

    /** The confirm button's text, when it should name something else than a deletion (a recall). */
    public void setConfirmText(String text) {
        confirm.setText(text);
    }

    private void update() {
        confirm.setEnabled(!reason.isBlank() && (!danger || understood.getValue()));
    }
}
