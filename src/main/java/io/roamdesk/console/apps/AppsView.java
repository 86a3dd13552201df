package io.roamdesk.console.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.SettingChange;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.ScopedApps;
import io.roamdesk.console.admin.CreateAppDialog;
import io.roamdesk.console.admin.ReasonDialog;
import io.roamdesk.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Every app with its value-added services; administrators change them, with a reason, beside their history. */
@Route("apps")
@RouteAlias("")
@RolesAllowed({Role.SUPPORT_NAME, Role.APP_ADMIN_NAME, Role.AUDITOR_NAME})
public class AppsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AppService apps;
    private final CurrentAccount account;
    private final AuditedActions audited;
    private final Grid<App> grid = new Grid<>();
    private final Grid<SettingChange> history = new Grid<>();
    private final H3 historyTitle = new H3();
    private final ClientsPanel clients;
    private final ScopedApps scoped;
    private final boolean platform;

    public AppsView(AppService apps, AuditedActions audited, CurrentAccount account, ApiCredentials credentials,
            ScopedApps scoped) {
        this.apps = apps;
        this.scoped = scoped;
        this.platform = account.role() == Role.PLATFORM_ADMIN;
        this.clients = account.is(Role.APP_ADMIN) ? new ClientsPanel(credentials, audited, account, platform) : null;
        this.audited = audited;
        this.account = account;
        setSizeFull();
        add(new H2(getTranslation("apps.title")));
        if (platform) {
            Button create = new Button(getTranslation("apps.create"), e -> new CreateAppDialog(audited, account,
                    created -> refresh(created.appId())).open());
            create.setId("create-app");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.setId("apps-grid");
        grid.addColumn(a -> a.key().toString()).setHeader(getTranslation("apps.key")).setAutoWidth(true);
        grid.addComponentColumn(a -> badge(a.settings().roamingEnabled(), "roaming-" + a.key().app()))
                .setHeader(getTranslation("apps.roaming")).setAutoWidth(true);
        grid.addComponentColumn(a -> badge(a.settings().oneWayDeleteEnabled(), "oneway-" + a.key().app()))
                .setHeader(getTranslation("apps.oneWayDelete")).setAutoWidth(true);
        grid.addComponentColumn(a -> badge(a.settings().restInList(), "restlist-" + a.key().app()))
                .setHeader(getTranslation("apps.restInList")).setAutoWidth(true);
        grid.addColumn(a -> a.settings().conversationCap()).setHeader(getTranslation("apps.cap")).setAutoWidth(true);
        grid.addColumn(a -> a.settings().retentionDays() == 0 ? getTranslation("apps.retentionForever")
                : getTranslation("apps.retentionDays", a.settings().retentionDays()))
                .setHeader(getTranslation("apps.retention")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("apps.legacyWindow", a.settings().legacyDays(), a.settings().legacyCount()))
                .setHeader(getTranslation("apps.legacy")).setAutoWidth(true);
        grid.addComponentColumn(a -> stateBadge(a)).setHeader(getTranslation("apps.state")).setAutoWidth(true);
        if (account.is(Role.APP_ADMIN)) {
            grid.addComponentColumn(this::changeButton).setHeader("").setAutoWidth(true).setFrozenToEnd(true);
        }
        if (platform) {
            grid.addComponentColumn(this::enableButton).setHeader("").setAutoWidth(true).setFrozenToEnd(true);
        }
        grid.setEmptyStateText(getTranslation(platform ? "apps.none.admin" : "apps.none"));
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> showHistory(e.getFirstSelectedItem().orElse(null)));
        history.setId("setting-history");
        history.addColumn(c -> Formats.time(c.changedAt())).setHeader(getTranslation("history.when")).setAutoWidth(true);
        history.addColumn(SettingChange::actor).setHeader(getTranslation("history.who")).setAutoWidth(true);
        history.addColumn(c -> getTranslation("setting." + c.setting().name())).setHeader(getTranslation("settings.setting"))
                .setAutoWidth(true);
        history.addColumn(c -> SettingValues.label(c.setting(), c.oldValue()) + " → " + SettingValues.label(c.setting(), c.newValue())).setHeader(getTranslation("history.change"))
                .setAutoWidth(true);
        history.addColumn(SettingChange::reason).setHeader(getTranslation("common.reason")).setFlexGrow(1);
        history.setEmptyStateText(getTranslation("history.none"));
        historyTitle.setText(getTranslation("history.pick"));
        add(grid, historyTitle, history);
        if (clients != null) {
            add(clients);
        }
        refresh(null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getPath().isEmpty() && account.role() == Role.SUPPORT) {
            // the support desk's work starts at a user, not at the apps (read-only for them)
            event.forwardTo(io.roamdesk.console.users.UserLookupView.class);
            return;
        }
        event.getLocation().getQueryParameters().getSingleParameter("app").ifPresent(key ->
                grid.getListDataView().getItems().filter(a -> a.key().toString().equals(key)).findFirst()
                        .ifPresent(grid::select));
    }

    private Button changeButton(App app) {
        Button b = new Button(getTranslation("settings.change"), e -> new SettingChangeDialog(app, audited, account.actor(),
                changed -> refresh(changed.appId())).open());
        b.setId("change-" + app.key().app());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** Disabling asks for a reason (the API stops at once); enabling needs none. */
    private Button enableButton(App app) {
        Button b = new Button(getTranslation(app.enabled() ? "apps.disable" : "apps.enable"), e -> {
            if (app.enabled()) {
                new ReasonDialog(getTranslation("apps.disable.title", app.key().toString()),
                        List.of(getTranslation("apps.disable.preview", app.key().toString())),
                        getTranslation("apps.disable.confirm"), reason -> toggle(app, false, reason)).open();
            } else {
                toggle(app, true, null);
            }
        });
        b.setId((app.enabled() ? "disable-" : "enable-") + app.key().org() + "-" + app.key().app());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (app.enabled()) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return b;
    }

    private void toggle(App app, boolean enabled, String reason) {
        Feedback.call(() -> audited.setAppEnabled(account.actor(), app, enabled, reason)).ifPresent(changed -> {
            Feedback.success(getTranslation(enabled ? "apps.enabled" : "apps.disabled", app.key().toString()));
            refresh(changed.appId());
        });
    }

    private Span stateBadge(App app) {
        Span s = new Span(getTranslation(app.enabled() ? "apps.state.enabled" : "apps.state.disabled"));
        s.setId("state-" + app.key().org() + "-" + app.key().app());
        s.getElement().getThemeList().add(app.enabled() ? "badge success" : "badge error");
        return s;
    }

    private void refresh(Long selectAppId) {
        List<App> all = Feedback.call(scoped::list).orElse(List.of());
        grid.setItems(all);
        all.stream().filter(a -> selectAppId != null && a.appId() == selectAppId).findFirst().ifPresent(grid::select);
    }

    private void showHistory(App app) {
        if (clients != null) {
            clients.show(app);
        }
        if (app == null) {
            historyTitle.setText(getTranslation("history.pick"));
            history.setItems(List.of());
            return;
        }
        historyTitle.setText(getTranslation("history.title", app.key().toString()));
        history.setItems(Feedback.call(() -> apps.history(app.appId(), 100)).orElse(List.of()));
    }

    private Span badge(boolean on, String id) {
        Span s = new Span(getTranslation(on ? "common.on" : "common.off"));
        s.setId(id);
        s.getElement().getThemeList().add(on ? "badge success" : "badge contrast");
        return s;
    }

    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("apps.title");
    }
}
