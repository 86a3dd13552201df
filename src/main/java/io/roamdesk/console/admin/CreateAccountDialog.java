package io.roamdesk.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.roamdesk.app.App;
import io.roamdesk.app.AppScope;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.security.AccountAdministration;
import io.roamdesk.security.AccountAdministration.TemporaryPassword;
import io.roamdesk.security.Role;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A new console account: name, role, and every app or a list of apps; its temporary password is shown once. */
class CreateAccountDialog extends Dialog {

    private final Checkbox allApps = new Checkbox();
    private final MultiSelectComboBox<App> apps = new MultiSelectComboBox<>();
    private final Select<Role> role = new Select<>();

    CreateAccountDialog(AccountAdministration admin, CurrentAccount account, List<App> allKnown,
            Consumer<TemporaryPassword> created) {
        setId("create-account-dialog");
        setHeaderTitle(getTranslation("accounts.create.title"));
        TextField name = new TextField(getTranslation("accounts.name"));
        name.setId("create-account-name");
        name.setMaxLength(64);
        name.setRequired(true);
        role.setId("create-account-role");
        role.setLabel(getTranslation("accounts.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.SUPPORT);
        allApps.setId("create-account-all-apps");
        allApps.setLabel(getTranslation("accounts.allApps"));
        apps.setId("create-account-apps");
        apps.setLabel(getTranslation("accounts.apps"));
        apps.setItems(allKnown);
        apps.setItemLabelGenerator(a -> a.key().toString());
        apps.setWidthFull();
        allApps.addValueChangeListener(e -> update());
        role.addValueChangeListener(e -> update());
        VerticalLayout body = new VerticalLayout(name, role, allApps, apps);
        body.setPadding(false);
        add(body);
        Button confirm = new Button(getTranslation("accounts.create.confirm"), e -> {
            AppScope scope = allApps.getValue() ? AppScope.ALL
                    : AppScope.of(apps.getSelectedItems().stream().map(App::appId).collect(Collectors.toSet()));
            Feedback.call(() -> admin.create(account.actor(), name.getValue(), role.getValue(), scope)).ifPresent(p -> {
                close();
                created.accept(p);
            });
        });
        confirm.setId("create-account-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("create-account-cancel");
        getFooter().add(cancel, confirm);
        setWidth("520px");
        update();
    }

    /** A platform administrator always acts on every app. */
    private void update() {
        boolean platform = role.getValue() == Role.PLATFORM_ADMIN;
        if (platform) {
            allApps.setValue(true);
        }
        allApps.setEnabled(!platform);
        apps.setEnabled(!allApps.getValue());
    }
}
