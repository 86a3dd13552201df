package io.roamdesk.console.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.roamdesk.app.App;
import io.roamdesk.console.deletion.UndoOffer;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.RowButtons;
import io.roamdesk.roaming.DeletionEntry;
import io.roamdesk.roaming.UndoService;
import java.time.Clock;
import java.util.List;

/** A user's recent one-way deletions (who, when, what, why, how long they may still be undone), each with Undo. */
class RecentDeletions extends VerticalLayout {

    static final int SHOWN = 20;

    private final UndoService undo;
    private final UndoOffer offer;
    private final Clock clock;
    private final Runnable changed;
    private final Grid<DeletionEntry> grid = new Grid<>();
    private App app;
    private String owner;

    RecentDeletions(UndoService undo, UndoOffer offer, Clock clock, Runnable changed) {
        this.changed = changed;
        this.undo = undo;
        this.offer = offer;
        this.clock = clock;
        setPadding(false);
        setId("recent-deletions");
        grid.setId("recent-deletions-grid");
        grid.setAllRowsVisible(true);
        // the reason and the state read in full: a support agent decides by them
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(d -> Formats.time(d.deletedAt())).setHeader(getTranslation("deletions.when")).setAutoWidth(true);
        grid.addColumn(d -> d.actor() + " (" + d.actorRole() + ")").setHeader(getTranslation("deletions.who")).setAutoWidth(true);
        grid.addColumn(this::what).setHeader(getTranslation("deletions.what")).setFlexGrow(2);
        grid.addColumn(d -> d.reason() == null ? "" : d.reason()).setHeader(getTranslation("deletions.reason")).setFlexGrow(2);
        grid.addComponentColumn(this::status).setHeader(getTranslation("deletions.status")).setWidth("15em").setFlexGrow(0);
        grid.addComponentColumn(this::undoButton).setHeader(getTranslation("deletions.actions")).setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("deletions.empty"));
        add(new H3(getTranslation("deletions.title")), grid);
    }

    void show(App app, String owner) {
        this.app = app;
        this.owner = owner;
        boolean picked = app != null && owner != null && !owner.isBlank();
        setVisible(picked);
        grid.setItems(picked ? Feedback.call(() -> undo.recent(app, owner, Long.MAX_VALUE, SHOWN)).orElse(List.of()) : List.of());
    }

    private String what(DeletionEntry d) {
        String conv = d.convId() == null ? "" : getTranslation("type." + d.chatType().wire()) + " " + d.convId();
        return switch (d.kind()) {
            case IDS -> getTranslation("deletions.what.IDS", d.count(), conv);
            case TIME -> getTranslation("deletions.what.TIME", Formats.time(d.beforeTime()), conv);
            case ALL -> getTranslation("deletions.what.ALL", d.count());
        };
    }

    private Span status(DeletionEntry d) {
        long now = clock.millis();
        String text;
        if (d.undone()) {
            text = getTranslation("deletions.undone", d.undoneBy(), Formats.time(d.undoneAt()));
        } else if (app.settings().undoWindowMinutes() <= 0) {
            text = getTranslation("deletions.undoOff");
        } else if (d.undoable(now)) {
            text = getTranslation("deletions.left", Math.max(1, (d.undoableUntil() - now + 59_999) / 60_000));
        } else {
            text = getTranslation("deletions.expired", app.settings().undoWindowMinutes());
        }
        Span s = new Span(text);
        s.getStyle().set("white-space", "normal");
        s.getElement().getThemeList().add(d.undoable(now) && app.settings().undoWindowMinutes() > 0 ? "badge" : "badge contrast");
        return s;
    }

    private Button undoButton(DeletionEntry d) {
        Button b = RowButtons.small(getTranslation("undo.button"), "undo-" + d.deletionId(), false,
                () -> offer.ask(app, owner, d.deletionId(), changed));
        boolean can = app.settings().undoWindowMinutes() > 0 && d.undoable(clock.millis());
        b.setEnabled(can);
        if (!can) {
            b.setTooltipText(status(d).getText());
        }
        return b;
    }
}
