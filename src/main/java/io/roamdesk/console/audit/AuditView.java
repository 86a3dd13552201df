package io.roamdesk.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditEvent;
import io.roamdesk.audit.AuditExport;
import io.roamdesk.audit.AuditOutcome;
import io.roamdesk.audit.AuditQuery;
import io.roamdesk.audit.AuditSearch;
import io.roamdesk.audit.AuditTrail;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.ScopedApps;
import io.roamdesk.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** The audit trail for reviewers: filters, keyset pages, detail, CSV/JSON export, chain verification. */
@Route("audit")
@RolesAllowed({Role.AUDITOR_NAME, Role.APP_ADMIN_NAME})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final AuditTrail trail;
    private final Map<Long, String> appKeys;
    private final ScopedApps apps;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField actor = new TextField();
    private final Select<AuditAction> action = new Select<>();
    private final Select<App> app = new Select<>();
    private final TextField user = new TextField();
    private final Grid<AuditEvent> grid = new Grid<>();
    private final AuditDetails details;
    private final Span chain = new Span();
    private final Button older = new Button();
    private List<AuditEvent> page = List.of();

    public AuditView(AuditSearch search, AuditTrail trail, AuditExport export, ScopedApps apps) {
        this.search = search;
        this.trail = trail;
        setSizeFull();
        // an app-scoped reviewer sees its apps' events only, in the grid and in the exports; the scope
        // is read again for every query, so an account disabled meanwhile gets nothing more
        this.apps = apps;
        details = new AuditDetails(this::actionLabel, this::outcomeLabel);
        List<App> all = Feedback.call(apps::list).orElse(List.of());
        appKeys = all.stream().collect(Collectors.toMap(App::appId, a -> a.key().toString()));
        details.appKeys(appKeys);
        details.onClose(grid::deselectAll);
        configureFilters(all);
        configureGrid();
        Button apply = new Button(getTranslation("history.filter.apply"), e -> load(null));
        apply.setId("audit-apply");
        Button newest = new Button(getTranslation("history.newest"), e -> load(null));
        newest.setId("audit-newest");
        older.setText(getTranslation("history.older"));
        older.setId("audit-older");
        older.addClickListener(e -> load(page.isEmpty() ? null : page.get(page.size() - 1).eventId()));
        Button verify = new Button(getTranslation("audit.verify.full"), e -> verify(true));
        verify.setId("verify-chain");
        verify.setTooltipText(getTranslation("audit.verify.full.tooltip"));
        chain.setId("chain-status");
        HorizontalLayout filters = new HorizontalLayout(from, to, actor, action, app, user, apply);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout tools = new HorizontalLayout(newest, older, download("csv", export::csv),
                download("json", export::json), verify);
        tools.setAlignItems(Alignment.CENTER);
        add(new H2(getTranslation("audit.title")), filters, tools, chain, grid, details);
        setFlexGrow(1, grid);
        verify(false);
        load(null);
    }

    private void configureFilters(List<App> all) {
        from.setId("audit-from");
        from.setLabel(getTranslation("history.filter.from"));
        to.setId("audit-to");
        to.setLabel(getTranslation("history.filter.to"));
        actor.setId("audit-actor");
        actor.setLabel(getTranslation("audit.actor"));
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.action"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> a == null ? "" : getTranslation(a.labelKey()));
        action.setEmptySelectionAllowed(true);
        app.setId("audit-app");
        app.setLabel(getTranslation("lookup.app"));
        app.setItems(all);
        app.setItemLabelGenerator(a -> a == null ? "" : a.key().toString());
        app.setEmptySelectionAllowed(true);
        user.setId("audit-user");
        user.setLabel(getTranslation("audit.targetUser"));
    }

    /**
     * Fixed starting widths that add up to less than the grid at 1440 px (the rest is shared out by
     * flex-grow), so no column starts past the grid's right edge; long cells end in an ellipsis and
     * show in full as a tooltip and in the details below.
     */
    private void configureGrid() {
        grid.setId("audit-grid");
        // the event id (19 digits) is in the details: the grid keeps its width for what reviewers scan
        column(e -> Formats.time(e.occurredAt()), getTranslation("history.when"), null, 0);
        column(e -> e.actor() + " (" + e.actorRole() + ")", getTranslation("audit.actor"), "9em", 1);
        column(e -> actionLabel(e.action()), getTranslation("audit.action"), "11em", 1);
        column(e -> e.appId() == null ? "" : appKeys.getOrDefault(e.appId(), e.appId().toString()),
                getTranslation("lookup.app"), "8em", 1);
        column(e -> e.targetUser() == null ? (e.target() == null ? "" : e.target())
                        : e.targetUser() + (e.target() == null ? "" : " / " + e.target()),
                getTranslation("audit.target"), "9em", 2);
        column(e -> outcomeLabel(e.outcome()), getTranslation("audit.outcome"), null, 0);
        column(e -> e.reason() == null ? "" : e.reason(), getTranslation("common.reason"), "10em", 3);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT);
        grid.addClassName("audit-grid");
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> details.show(e.getValue()));
    }

    /** A column starting at {@code width} (null: as wide as its short, fixed-length content). */
    private void column(com.vaadin.flow.function.ValueProvider<AuditEvent, String> value, String header, String width,
            int flex) {
        var c = grid.addColumn(value).setHeader(header).setFlexGrow(flex).setResizable(true).setTooltipGenerator(value::apply);
        if (width == null) {
            c.setAutoWidth(true);
        } else {
            c.setWidth(width);
        }
    }

    private AuditQuery query() {
        Long start = from.getValue() == null ? null : Formats.dayStart(from.getValue());
        Long end = to.getValue() == null ? null : Formats.dayEnd(to.getValue());
        return new AuditQuery(start, end, actor.getValue(), action.getValue(),
                app.getValue() == null ? null : app.getValue().appId(), user.getValue()).within(apps.scope());
    }

    private void load(Long before) {
        Feedback.call(() -> search.page(query(), before, PAGE_SIZE)).ifPresent(events -> {
            if (!events.isEmpty() || before == null) {
                page = events;
                grid.setItems(page);
                details.show(null);
            }
            older.setEnabled(events.size() == PAGE_SIZE);
        });
    }

    private void verify(boolean full) {
        Feedback.call(() -> full ? trail.verify(apps.scope()) : trail.verifySinceCheckpoints(apps.scope())).ifPresent(v -> {
            chain.setText(!v.intact() ? getTranslation("audit.chain.broken", String.valueOf(v.firstBrokenEventId()), v.problem())
                    : v.reachedEventId() == null ? getTranslation("audit.chain.empty")
                    : getTranslation(full ? "audit.chain.ok.full" : "audit.chain.ok", String.valueOf(v.reachedEventId()),
                            Formats.time(v.reachedAt()), v.checked()));
            chain.getElement().getThemeList().clear();
            chain.getElement().getThemeList().add(v.intact() ? "badge success" : "badge error");
        });
    }

    private Anchor download(String format, BiConsumer<AuditQuery, java.io.OutputStream> writer) {
        // streamed to the browser row by row: an export never sits in memory whole
        Anchor a = new Anchor(new StreamResource("audit." + format, (out, session) -> {
            AuditQuery q;
            session.lock();
            try {
                q = query();
            } finally {
                session.unlock();
            }
            writer.accept(q, out);
        }), getTranslation("audit.export." + format));
        a.getElement().setAttribute("download", true);
        a.setId("export-" + format);
        a.addClassName("no-wrap");
        return a;
    }

    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("audit.title");
    }

    /** The translated name of a stored outcome; a code no longer in the enum is shown as stored. */
    private String outcomeLabel(String stored) {
        try {
            return getTranslation(AuditOutcome.valueOf(stored).labelKey());
        } catch (IllegalArgumentException unknown) {
            return stored;
        }
    }

    /** The translated name of a stored action; a code no longer in the enum is shown as stored. */
    private String actionLabel(String stored) {
        try {
            return getTranslation(AuditAction.valueOf(stored).labelKey());
        } catch (IllegalArgumentException unknown) {
            return stored;
        }
    }
}
