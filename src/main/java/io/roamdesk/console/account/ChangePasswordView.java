package io.roamdesk.console.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.security.ConsoleAccounts;
import io.roamdesk.security.PasswordChanges;
import jakarta.annotation.security.PermitAll;

/**
 * Changing one's own password. An account with a temporary password (the first administrator, a
 * reset) is sent here by {@link PasswordChangeGuard} until it has chosen its own.
 */
@Route(value = ChangePasswordView.ROUTE, autoLayout = false)
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "change-password";

    private final PasswordField current = new PasswordField();
    private final PasswordField replacement = new PasswordField();
    private final PasswordField confirmation = new PasswordField();

    public ChangePasswordView(PasswordChanges changes, ConsoleAccounts accounts, CurrentAccount account,
            AuthenticationContext auth) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        H1 brand = new H1("Roamdesk");
        brand.addClassName("brand");
        boolean forced = accounts.mustChangePassword(account.name());
        Paragraph why = new Paragraph(getTranslation(forced ? "password.forced" : "password.voluntary", account.name()));
        why.setId("password-reason");
        why.setMaxWidth("26em");
        current.setId("password-current");
        current.setLabel(getTranslation("password.current"));
        replacement.setId("password-new");
        replacement.setLabel(getTranslation("password.new"));
        replacement.setHelperText(getTranslation("password.rule", PasswordChanges.MIN_LENGTH));
        confirmation.setId("password-confirm");
        confirmation.setLabel(getTranslation("password.confirm"));
        for (PasswordField f : new PasswordField[] {current, replacement, confirmation}) {
            f.setWidth("22em");
            f.setRequired(true);
        }
        Button save = new Button(getTranslation("password.save"), e -> save(changes, account));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        Button logout = new Button(getTranslation("nav.logout"), e -> auth.logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        VerticalLayout card = new VerticalLayout(new H2(getTranslation("password.title")), why, current, replacement,
                confirmation, new HorizontalLayout(save, logout));
        card.setWidth("auto");
        card.setPadding(true);
        add(brand, card);
    }

    private void save(PasswordChanges changes, CurrentAccount account) {
        current.setInvalid(false);
        replacement.setInvalid(false);
        confirmation.setInvalid(false);
        if (!replacement.getValue().equals(confirmation.getValue())) {
            invalid(confirmation, "password.mismatch");
            return;
        }
        switch (changes.change(account.name(), current.getValue(), replacement.getValue())) {
            case CHANGED -> getUI().ifPresent(ui -> ui.navigate(""));
            case WRONG_CURRENT -> invalid(current, "password.wrong-current");
            case TOO_SHORT -> invalid(replacement, "password.too-short");
            case TOO_LONG -> invalid(replacement, "password.too-long");
            case SAME_AS_CURRENT -> invalid(replacement, "password.same");
        }
    }

    private void invalid(PasswordField field, String key) {
        field.setErrorMessage(getTranslation(key, key.equals("password.too-long") ? PasswordChanges.MAX_BYTES
                : PasswordChanges.MIN_LENGTH));
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("password.title");
    }
}
