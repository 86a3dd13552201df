package io.roamdesk.console.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.ApiCredentials.ClientInfo;
import io.roamdesk.app.ApiCredentials.IssuedSecret;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.admin.ReasonDialog;
import io.roamdesk.console.admin.SecretDialog;
import io.roamdesk.console.deletion.DeletionDialog;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.RowButtons;
import io.roamdesk.console.support.Formats;
import java.util.List;

/**
 * The API clients of the selected app. Administrators revoke all tokens of one client at once; a
 * platform administrator also creates clients (the secret is shown once), rotates a secret and
 * disables or enables a client.
 */
class ClientsPanel extends VerticalLayout {

    private final ApiCredentials credentials;
    private final AuditedActions audited;
    private final CurrentAccount account;
    private final boolean platform;
    private final Grid<ClientInfo> grid = new Grid<>();
    private final TextField description = new TextField();
    private final Button create = new Button();
    private App app;

    ClientsPanel(ApiCredentials credentials, AuditedActions audited, CurrentAccount account, boolean platform) {
        this.credentials = credentials;
        this.audited = audited;
        this.account = account;
        this.platform = platform;
        setPadding(false);
        grid.setId("clients-grid");
        grid.addColumn(ClientInfo::clientId).setHeader(getTranslation("clients.id")).setAutoWidth(true);
        grid.addColumn(ClientInfo::description).setHeader(getTranslation("clients.description")).setFlexGrow(1)
                .setTooltipGenerator(ClientInfo::description);
        grid.addComponentColumn(this::state).setHeader(getTranslation("clients.state")).setAutoWidth(true);
        grid.addColumn(c -> Formats.time(c.createdAt())).setHeader(getTranslation("clients.created")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setWidth(platform ? "400px" : "180px").setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("clients.none"));
        grid.setAllRowsVisible(true);
        add(new H3(getTranslation("clients.title")));
        if (platform) {
            description.setId("client-description");
            description.setPlaceholder(getTranslation("clients.description.placeholder"));
            description.setMaxLength(ApiCredentials.MAX_DESCRIPTION);
            description.setWidth("320px");
            create.setText(getTranslation("clients.create"));
            create.setId("create-client");
            create.addClickListener(e -> createClient());
            HorizontalLayout row = new HorizontalLayout(description, create);
            row.setAlignItems(Alignment.BASELINE);
            add(row);
        }
        add(grid);
        show(null);
    }

    void show(App selected) {
        this.app = selected;
        description.setEnabled(selected != null);
        create.setEnabled(selected != null);
        grid.setItems(selected == null ? List.of() : Feedback.call(() -> credentials.clientList(selected.appId())).orElse(List.of()));
    }

    private void createClient() {
        Feedback.call(() -> audited.createClient(account.actor(), app, description.getValue())).ifPresent(issued -> {
            description.clear();
            show(app);
            showSecret(getTranslation("clients.created.title", app.key().toString()), issued,
                    getTranslation("clients.created.note", app.key().toString()));
        });
    }

    private void showSecret(String title, IssuedSecret issued, String note) {
        new SecretDialog(title, getTranslation("clients.id"), issued.clientId(), getTranslation("clients.secret"),
                issued.secret(), note).open();
    }

    private Span state(ClientInfo c) {
        String text = getTranslation(c.disabled() ? "clients.state.disabled" : "clients.state.enabled");
        if (c.previousSecretUntil() > 0) {
            text += " · " + getTranslation("clients.state.grace", Formats.time(c.previousSecretUntil()));
        }
        Span s = new Span(text);
        s.setId("client-state-" + c.clientId());
        s.getElement().getThemeList().add(c.disabled() ? "badge error" : "badge success");
        return s;
    }

    private HorizontalLayout actions(ClientInfo c) {
        HorizontalLayout box = new HorizontalLayout();
        box.getStyle().set("gap", "4px");
        box.add(revokeButton(c.clientId()));
        if (platform) {
            if (!c.disabled()) {
                box.add(RowButtons.small(getTranslation("clients.rotate"), "rotate-" + c.clientId(), false, () -> new ReasonDialog(
                        getTranslation("clients.rotate.title", c.clientId()),
                        List.of(getTranslation("clients.rotate.preview", c.clientId(),
                                ApiCredentials.ROTATION_GRACE.toHours())), getTranslation("clients.rotate.confirm"),
                        reason -> Feedback.call(() -> audited.rotateSecret(account.actor(), app, c.clientId(), reason))
                                .ifPresent(issued -> {
                                    show(app);
                                    showSecret(getTranslation("clients.rotated.title", c.clientId()), issued,
                                            getTranslation("clients.rotated.note", ApiCredentials.ROTATION_GRACE.toHours()));
                                })).open()));
                box.add(RowButtons.small(getTranslation("clients.disable"), "disable-client-" + c.clientId(), true, () -> new ReasonDialog(
                        getTranslation("clients.disable.title", c.clientId()),
                        List.of(getTranslation("clients.disable.preview", c.clientId(), app.key().toString())),
                        getTranslation("clients.disable.confirm"), reason -> toggle(c, true, reason)).open()));
            } else {
                box.add(RowButtons.small(getTranslation("clients.enable"), "enable-client-" + c.clientId(), false, () -> toggle(c, false, null)));
            }
        }
        return box;
    }

    private void toggle(ClientInfo c, boolean disabled, String reason) {
        Feedback.call(() -> audited.setClientDisabled(account.actor(), app, c.clientId(), disabled, reason)).ifPresent(n -> {
            Feedback.success(getTranslation(disabled ? "clients.disabled" : "clients.enabled", c.clientId(), n));
            show(app);
        });
    }


    private Button revokeButton(String clientId) {
        Button b = new Button(getTranslation("clients.revoke"), e -> new DeletionDialog(
                getTranslation("clients.revoke.title", clientId),
                List.of(getTranslation("clients.revoke.preview", clientId, app.key().toString())), false,
                reason -> Feedback.call(() -> audited.revokeTokens(account.actor(), app, clientId, reason))
                        .ifPresent(n -> Feedback.success(getTranslation("clients.revoked", n, clientId)))).open());
        b.setId("revoke-" + clientId);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return b;
    }
}
