package io.roamdesk.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.roamdesk.app.App;
import io.roamdesk.app.AppNames;
import io.roamdesk.app.AppSettings;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import java.util.function.Consumer;

/** A platform administrator creates an app: org and app names (checked by {@link AppNames}), default settings. */
public class CreateAppDialog extends Dialog {

    public CreateAppDialog(AuditedActions audited, CurrentAccount account, Consumer<App> created) {
        setId("create-app-dialog");
        setHeaderTitle(getTranslation("apps.create.title"));
        TextField org = new TextField(getTranslation("apps.create.org"));
        org.setId("create-app-org");
        org.setMaxLength(64);
        org.setRequired(true);
        TextField name = new TextField(getTranslation("apps.create.app"));
        name.setId("create-app-name");
        name.setMaxLength(64);
        name.setRequired(true);
        VerticalLayout body = new VerticalLayout(org, name, new Paragraph(getTranslation("apps.create.rules")),
                new Paragraph(getTranslation("apps.create.defaults")));
        body.setPadding(false);
        add(body);
        Button confirm = new Button(getTranslation("apps.create.confirm"), e -> Feedback.call(() -> audited.createApp(
                account.actor(), AppNames.forNewApp(org.getValue(), name.getValue()), AppSettings.defaults()))
                .ifPresent(app -> {
                    Feedback.success(getTranslation("apps.created", app.key().toString()));
                    close();
                    created.accept(app);
                }));
        confirm.setId("create-app-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("create-app-cancel");
        getFooter().add(cancel, confirm);
        setWidth("480px");
    }
}
