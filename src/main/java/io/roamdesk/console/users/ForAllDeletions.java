package io.roamdesk.console.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.admin.ReasonDialog;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.RowButtons;
import io.roamdesk.roaming.ForAllDeletion;
import io.roamdesk.roaming.GraceService;
import io.roamdesk.security.Role;
import java.time.Clock;
import java.util.List;

/**
 * The user's deletions for everyone: in their grace period an app administrator may restore them
 * (reason required); afterwards they show as purged, with the count.
 */
class ForAllDeletions extends VerticalLayout {

    static final int SHOWN = 10;

    private final GraceService grace;
    private final AuditedActions audited;
    private final CurrentAccount account;
    private final Clock clock;
    private final Runnable changed;
    private final Grid<ForAllDeletion> grid = new Grid<>();
    private App app;
    private String owner;

    ForAllDeletions(GraceService grace, AuditedActions audited, CurrentAccount account, Clock clock, Runnable changed) {
        this.grace = grace;
        this.audited = audited;
        this.account = account;
        this.clock = clock;
        this.changed = changed;
        setPadding(false);
        setId("for-all-deletions");
        grid.setId("for-all-deletions-grid");
        grid.setAllRowsVisible(true);
        // the reason and the state read in full: a support agent decides by them
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(d -> Formats.time(d.deletedAt())).setHeader(getTranslation("deletions.when")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation("type." + d.chatType().wire()) + " " + d.convId())
                .setHeader(getTranslation("deletions.what")).setFlexGrow(2);
        grid.addComponentColumn(this::status).setHeader(getTranslation("forAll.status")).setFlexGrow(2);
        grid.addComponentColumn(this::restoreButton).setHeader(getTranslation("deletions.actions")).setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("forAll.empty"));
        add(new H3(getTranslation("forAll.title")), grid);
    }

    void show(App app, String owner) {
        this.app = app;
        this.owner = owner;
        boolean picked = app != null && owner != null && !owner.isBlank();
        List<ForAllDeletion> rows = picked ? Feedback.call(() -> grace.ofOwner(app, owner, SHOWN)).orElse(List.of()) : List.of();
        setVisible(!rows.isEmpty());
        grid.setItems(rows);
    }

    private Span status(ForAllDeletion d) {
        long now = clock.millis();
        String text = switch (d.state()) {
            case GRACE, RESTORING -> d.restorable(now)
                    ? getTranslation("forAll.grace", Formats.time(d.purgeAfter()))
                    : getTranslation("forAll.due");
            case RESTORED -> getTranslation("forAll.restored", d.restoredBy(), Formats.time(d.restoredAt()));
            case PURGING -> getTranslation("forAll.purging");
            case PURGED -> getTranslation("forAll.purged", d.purged(), Formats.time(d.purgedAt()));
        };
        Span s = new Span(text);
        s.getStyle().set("white-space", "normal");
        s.getElement().getThemeList().add(d.restorable(now) ? "badge" : "badge contrast");
        s.getElement().setAttribute("data-state", d.state().name());
        return s;
    }

    private Button restoreButton(ForAllDeletion d) {
        Button b = RowButtons.small(getTranslation("forAll.restore"), "restore-" + d.deletionId(), false, () -> ask(d));
        boolean admin = account.is(Role.APP_ADMIN);
        b.setEnabled(admin && d.restorable(clock.millis()));
        if (!admin) {
            b.setTooltipText(getTranslation("forAll.adminOnly"));
        } else if (!d.restorable(clock.millis())) {
            b.setTooltipText(status(d).getText());
        }
        return b;
    }

    private void ask(ForAllDeletion d) {
        new ReasonDialog(getTranslation("forAll.restore.title", d.convId()),
                List.of(getTranslation("forAll.restore.preview", d.convId()), getTranslation("forAll.restore.keeps")),
                getTranslation("forAll.restore.confirm"),
                reason -> Feedback.call(() -> audited.restoreDeletedForAll(account.actor(), app, d.convKey(), d.deletionId(),
                        reason)).ifPresent(n -> {
                            Feedback.success(getTranslation("forAll.restore.done", n));
                            changed.run();
                        })).open();
    }
}
