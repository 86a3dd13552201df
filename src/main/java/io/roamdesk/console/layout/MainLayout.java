package io.roamdesk.console.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.roamdesk.console.ConsoleTranslations;
import io.roamdesk.console.support.CurrentAccount;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** Shell of every console view: header with the signed-in account, side navigation by role. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth, AccessAnnotationChecker access, CurrentAccount current,
            io.roamdesk.security.ConsolePreferences preferences) {
        DrawerToggle toggle = new DrawerToggle();
        Span title = new Span("Roamdesk");
        title.addClassName("app-title");
        addToNavbar(toggle, title, account(auth, current, new ThemeSwitch(preferences, current)));
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        for (NavEntry entry : NavEntry.values()) {
            if (access.hasAccess(entry.view())) {
                SideNavItem item = new SideNavItem(getTranslation(entry.labelKey()), entry.view(), entry.icon().create());
                item.setId("nav-" + entry.name().toLowerCase());
                nav.addItem(item);
            }
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private Component account(AuthenticationContext auth, CurrentAccount current, Component themeSwitch) {
        Span who = new Span(current.name() + " · " + current.role().name());
        who.setId("current-account");
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout box = new HorizontalLayout(who, themeSwitch, languageSwitch(), logout);
        box.setAlignItems(HorizontalLayout.Alignment.CENTER);
        box.addClassName("account-box");
        return box;
    }

    /** Switches between English and Chinese for this session; the browser's language is the default. */
    private Button languageSwitch() {
        boolean chinese = ConsoleTranslations.CHINESE.getLanguage().equals(getLocale().getLanguage());
        Button b = new Button(chinese ? "English" : "中文", e -> {
            VaadinSession.getCurrent().setLocale(chinese ? ConsoleTranslations.ENGLISH : ConsoleTranslations.CHINESE);
            UI.getCurrent().getPage().reload();
        });
        b.setId("lang-switch");
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    /** A view to offer in the side navigation; shown only to roles that may open it. */
    private enum NavEntry {
        APPS(io.roamdesk.console.apps.AppsView.class, "nav.apps", VaadinIcon.COG),
        USERS(io.roamdesk.console.users.UserLookupView.class, "nav.users", VaadinIcon.SEARCH),
        AUDIT(io.roamdesk.console.audit.AuditView.class, "nav.audit", VaadinIcon.CLIPBOARD_CHECK),
        JOBS(io.roamdesk.console.jobs.JobsView.class, "nav.jobs", VaadinIcon.TASKS),
        ACCOUNTS(io.roamdesk.console.admin.AccountsView.class, "nav.accounts", VaadinIcon.USERS);

        private final Class<? extends Component> view;
        private final String labelKey;
        private final VaadinIcon icon;

        NavEntry(Class<? extends Component> view, String labelKey, VaadinIcon icon) {
            this.view = view;
            this.labelKey = labelKey;
            this.icon = icon;
        }

        Class<? extends Component> view() {
            return view;
        }

        String labelKey() {
            return labelKey;
        }

        VaadinIcon icon() {
            return icon;
        }
    }
}
