package io.roamdesk.console.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.deletion.DeletionDialog;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import java.util.List;

/** The API clients of the selected app; administrators revoke all tokens of one client at once. */
class ClientsPanel extends VerticalLayout {

    private final ApiCredentials credentials;
    private final AuditedActions audited;
    private final CurrentAccount account;
    private final Grid<String> grid = new Grid<>();
    private App app;

    ClientsPanel(ApiCredentials credentials, AuditedActions audited, CurrentAccount account) {
        this.credentials = credentials;
        this.audited = audited;
        this.account = account;
        setPadding(false);
        grid.setId("clients-grid");
        grid.addColumn(c -> c).setHeader(getTranslation("clients.id")).setFlexGrow(1);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H3(getTranslation("clients.title")), grid);
    }

    void show(App selected) {
        this.app = selected;
        grid.setItems(selected == null ? List.of() : Feedback.call(() -> credentials.clients(selected.appId())).orElse(List.of()));
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
