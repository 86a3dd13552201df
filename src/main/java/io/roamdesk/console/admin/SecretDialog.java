package io.roamdesk.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a freshly made secret (an API client's secret, a temporary password) the only time it exists in
 * clear text: the database keeps its hash only, so closing this dialog loses it for good.
 */
public class SecretDialog extends Dialog {

    public SecretDialog(String title, String nameLabel, String name, String secretLabel, String secret, String note) {
        setId("secret-dialog");
        setHeaderTitle(title);
        TextField nameField = new TextField(nameLabel);
        nameField.setId("secret-name");
        nameField.setValue(name);
        nameField.setReadOnly(true);
        nameField.setWidthFull();
        TextField secretField = new TextField(secretLabel);
        secretField.setId("secret-value");
        secretField.setValue(secret);
        secretField.setReadOnly(true);
        secretField.setWidthFull();
        Paragraph warning = new Paragraph(getTranslation("secret.once"));
        warning.setId("secret-once");
        warning.addClassName("danger-zone");
        add(nameField, secretField, new Paragraph(note), warning);
        Button done = new Button(getTranslation("secret.done"), e -> close());
        done.setId("secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        setWidth("560px");
    }
}
