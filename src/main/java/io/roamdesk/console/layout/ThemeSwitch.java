package io.roamdesk.console.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.Lumo;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.security.ConsolePreferences;
import io.roamdesk.security.ConsoleTheme;

/**
 * The header's light/dark switch. The account's stored theme is applied to every page it opens
 * (Lumo's dark variant: {@code theme="dark"} on the page's root elements, CSS only) and a click
 * stores the other one.
 */
class ThemeSwitch extends Button {

    private final ConsolePreferences preferences;
    private final CurrentAccount account;
    private ConsoleTheme theme = ConsoleTheme.LIGHT;

    ThemeSwitch(ConsolePreferences preferences, CurrentAccount account) {
        this.preferences = preferences;
        this.account = account;
        setId("theme-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClickListener(e -> {
            ConsoleTheme next = theme == ConsoleTheme.DARK ? ConsoleTheme.LIGHT : ConsoleTheme.DARK;
            if (Feedback.run(() -> preferences.chooseTheme(account.name(), next))) {
                apply(next);
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        apply(Feedback.call(() -> preferences.theme(account.name())).orElse(ConsoleTheme.LIGHT));
    }

    private void apply(ConsoleTheme chosen) {
        theme = chosen;
        boolean dark = chosen == ConsoleTheme.DARK;
        UI ui = UI.getCurrent();
        if (dark) {
            ui.getElement().getThemeList().add(Lumo.DARK);
        } else {
            ui.getElement().getThemeList().remove(Lumo.DARK);
        }
        // the document element too, so the page's own background follows
        ui.getPage().executeJs(dark ? "document.documentElement.setAttribute('theme', $0)"
                : "document.documentElement.removeAttribute('theme')", Lumo.DARK);
        setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        setText(getTranslation(dark ? "theme.light" : "theme.dark"));
        getElement().setAttribute("data-theme", chosen.name());
    }
}
