package io.roamdesk.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.RowButtons;
import io.roamdesk.console.support.Formats;
import io.roamdesk.security.AccountAdministration;
import io.roamdesk.security.AccountAdministration.AccountInfo;
import io.roamdesk.security.AccountAdministration.TemporaryPassword;
import io.roamdesk.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Console accounts for the platform administrator: create with role and apps, disable, reset password, unlock. */
@Route("accounts")
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private final AccountAdministration admin;
    private final CurrentAccount account;
    private final AppService apps;
    private final Grid<AccountInfo> grid = new Grid<>();
    private final TextField filter = new TextField();
    private List<AccountInfo> all = List.of();
    private Map<Long, String> appKeys = Map.of();

    public AccountsView(AccountAdministration admin, CurrentAccount account, AppService apps) {
        this.admin = admin;
        this.account = account;
        this.apps = apps;
        setSizeFull();
        Button create = new Button(getTranslation("accounts.create"), VaadinIcon.PLUS.create(),
                e -> new CreateAccountDialog(admin, account, allApps(), this::created).open());
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("accounts-grid");
        grid.addColumn(AccountInfo::username).setHeader(getTranslation("accounts.name")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("role." + a.role().name())).setHeader(getTranslation("accounts.role"))
                .setAutoWidth(true);
        // a long list of apps must not widen the grid past the window (the row's buttons would need a
        // sideways scroll): the cell is cut, the tooltip has the whole list
        grid.addColumn(this::scope).setHeader(getTranslation("accounts.apps")).setWidth("12em").setFlexGrow(1)
                .setTooltipGenerator(this::scope);
        grid.addComponentColumn(this::state).setHeader(getTranslation("accounts.state")).setAutoWidth(true);
        grid.addColumn(a -> Formats.time(a.createdAt())).setHeader(getTranslation("accounts.created")).setAutoWidth(true);
        // the row's buttons stay at the right edge however wide the other columns grow
        grid.addComponentColumn(this::actions).setWidth("330px").setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("accounts.none"));
        filter.setId("accounts-filter");
        filter.setPlaceholder(getTranslation("accounts.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> {
            // one change can arrive twice (the lazy timer, then Enter or blur): rendering the rows again
            // would replace their buttons under a click already on its way
            if (!e.getValue().equals(e.getOldValue())) {
                show();
            }
        });
        HorizontalLayout tools = new HorizontalLayout(create, filter);
        tools.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("accounts.title")), tools, grid);
        refresh();
    }

    private List<App> allApps() {
        return Feedback.call(apps::listApps).orElse(List.of());
    }

    private void refresh() {
        appKeys = allApps().stream().collect(Collectors.toMap(App::appId, a -> a.key().toString()));
        // newest first: the account just created (or the one a ticket is about, usually recent) is on top
        all = Feedback.call(() -> admin.list(account.actor())).orElse(List.<AccountInfo>of()).stream()
                .sorted(java.util.Comparator.comparingLong(AccountInfo::createdAt).reversed()).toList();
        show();
    }

    /** The accounts whose name contains what the filter says (all of them when it is empty). */
    private void show() {
        String part = filter.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        grid.setItems(part.isEmpty() ? all : all.stream().filter(a -> a.username().contains(part)).toList());
    }

    private void created(TemporaryPassword p) {
        refresh();
        new SecretDialog(getTranslation("accounts.created.title", p.username()), getTranslation("accounts.name"),
                p.username(), getTranslation("accounts.temporaryPassword"), p.password(),
                getTranslation("accounts.temporary.note")).open();
    }

    private String scope(AccountInfo a) {
        if (a.scope().allApps()) {
            return getTranslation("accounts.allApps");
        }
        return a.scope().appIds().isEmpty() ? getTranslation("accounts.noApps")
                : a.scope().appIds().stream().map(id -> appKeys.getOrDefault(id, String.valueOf(id))).sorted()
                        .collect(Collectors.joining(", "));
    }

    private HorizontalLayout state(AccountInfo a) {
        HorizontalLayout box = new HorizontalLayout();
        box.setSpacing(false);
        box.getStyle().set("gap", "4px");
        box.setId("state-" + a.username());
        box.add(badge(a.enabled() ? "accounts.enabled" : "accounts.disabled", a.enabled() ? "badge success" : "badge error"));
        if (a.locked()) {
            box.add(badge("accounts.locked", "badge error"));
        }
        if (a.mustChangePassword()) {
            box.add(badge("accounts.mustChange", "badge contrast"));
        }
        return box;
    }

    private Span badge(String key, String theme) {
        Span s = new Span(getTranslation(key));
        s.getElement().getThemeList().add(theme);
        return s;
    }

    private HorizontalLayout actions(AccountInfo a) {
        HorizontalLayout box = new HorizontalLayout();
        box.getStyle().set("gap", "4px");
        if (a.enabled()) {
            box.add(RowButtons.small(getTranslation("accounts.disable"), "disable-" + a.username(), true, () -> new ReasonDialog(
                    getTranslation("accounts.disable.title", a.username()),
                    List.of(getTranslation("accounts.disable.preview", a.username())), getTranslation("accounts.disable.confirm"),
                    reason -> {
                        if (Feedback.run(() -> admin.setEnabled(account.actor(), a.username(), false, reason))) {
                            done("accounts.disabled.done", a.username());
                        }
                    }).open()));
        } else {
            box.add(RowButtons.small(getTranslation("accounts.enable"), "enable-" + a.username(), false, () -> {
                if (Feedback.run(() -> admin.setEnabled(account.actor(), a.username(), true, null))) {
                    done("accounts.enabled.done", a.username());
                }
            }));
        }
        box.add(RowButtons.small(getTranslation("accounts.reset"), "reset-" + a.username(), false, () -> new ReasonDialog(
                getTranslation("accounts.reset.title", a.username()),
                List.of(getTranslation("accounts.reset.preview", a.username())), getTranslation("accounts.reset.confirm"),
                reason -> Feedback.call(() -> admin.resetPassword(account.actor(), a.username(), reason)).ifPresent(p -> {
                    refresh();
                    new SecretDialog(getTranslation("accounts.reset.done", p.username()), getTranslation("accounts.name"),
                            p.username(), getTranslation("accounts.temporaryPassword"), p.password(),
                            getTranslation("accounts.temporary.note")).open();
                })).open()));
        if (a.locked()) {
            box.add(RowButtons.small(getTranslation("accounts.unlock"), "unlock-" + a.username(), false, () -> {
                if (Feedback.run(() -> admin.unlock(account.actor(), a.username(), null))) {
                    done("accounts.unlocked", a.username());
                }
            }));
        }
        return box;
    }

    private void done(String key, String username) {
        Feedback.success(getTranslation(key, username));
        refresh();
    }


    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("accounts.title");
    }
}
