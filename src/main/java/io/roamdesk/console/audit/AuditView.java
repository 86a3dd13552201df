package io.roamdesk.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditEvent;
import io.roamdesk.audit.AuditExport;
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
    private final io.roamdesk.app.AppScope scope;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField actor = new TextField();
    private final Select<AuditAction> action = new Select<>();
    private final Select<App> app = new Select<>();
    private final TextField user = new TextField();
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Pre detail = new Pre();
    private final Span chain = new Span();
    private final Button older = new Button();
    private List<AuditEvent> page = List.of();

    public AuditView(AuditSearch search, AuditTrail trail, AuditExport export, ScopedApps apps) {
        this.search = search;
        this.trail = trail;
        setSizeFull();
        // an app-scoped reviewer sees its apps' events only, in the grid and in the exports
        scope = Feedback.call(apps::scope).orElse(io.roamdesk.app.AppScope.NONE);
        List<App> all = Feedback.call(apps::list).orElse(List.of());
        appKeys = all.stream().collect(Collectors.toMap(App::appId, a -> a.key().toString()));
        configureFilters(all);
        configureGrid();
        Button apply = new Button(getTranslation("history.filter.apply"), e -> load(null));
        apply.setId("audit-apply");
        Button newest = new Button(getTranslation("history.newest"), e -> load(null));
        newest.setId("audit-newest");
        older.setText(getTranslation("history.older"));
        older.setId("audit-older");
        older.addClickListener(e -> load(page.isEmpty() ? null : page.get(page.size() - 1).eventId()));
        Button verify = new Button(getTranslation("audit.verify"), e -> verify());
        verify.setId("verify-chain");
        chain.setId("chain-status");
        HorizontalLayout filters = new HorizontalLayout(from, to, actor, action, app, user, apply);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout tools = new HorizontalLayout(newest, older, download("csv", export::csv),
                download("json", export::json), verify, chain);
        tools.setAlignItems(Alignment.CENTER);
        detail.setId("audit-detail");
        detail.addClassName("audit-detail");
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSizeFull();
        split.setSplitterPosition(70);
        add(new H2(getTranslation("audit.title")), filters, tools, split);
        verify();
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

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addColumn(AuditEvent::eventId).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> Formats.time(e.occurredAt())).setHeader(getTranslation("history.when")).setAutoWidth(true);
        grid.addColumn(e -> e.actor() + " (" + e.actorRole() + ")").setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> actionLabel(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> e.appId() == null ? "" : appKeys.getOrDefault(e.appId(), e.appId().toString()))
                .setHeader(getTranslation("lookup.app")).setAutoWidth(true);
        grid.addColumn(e -> e.targetUser() == null ? "" : e.targetUser() + (e.target() == null ? "" : " / " + e.target()))
                .setHeader(getTranslation("audit.target")).setAutoWidth(true);
        grid.addColumn(AuditEvent::outcome).setHeader(getTranslation("audit.outcome")).setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader(getTranslation("common.reason")).setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.addItemClickListener(e -> detail.setText(describe(e.getItem())));
    }

    private AuditQuery query() {
        Long start = from.getValue() == null ? null : Formats.dayStart(from.getValue());
        Long end = to.getValue() == null ? null : Formats.dayEnd(to.getValue());
        return new AuditQuery(start, end, actor.getValue(), action.getValue(),
                app.getValue() == null ? null : app.getValue().appId(), user.getValue()).within(scope);
    }

    private void load(Long before) {
        Feedback.call(() -> search.page(query(), before, PAGE_SIZE)).ifPresent(events -> {
            if (!events.isEmpty() || before == null) {
                page = events;
                grid.setItems(page);
            }
            older.setEnabled(events.size() == PAGE_SIZE);
        });
    }

    private void verify() {
        Feedback.call(() -> trail.verify(scope)).ifPresent(v -> {
            chain.setText(v.intact() ? getTranslation("audit.chain.ok", v.checked())
                    : getTranslation("audit.chain.broken", v.firstBrokenEventId(), v.problem()));
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
        return a;
    }

    private String describe(AuditEvent e) {
        return "event_id: " + e.eventId() + "\noccurred_at: " + Formats.time(e.occurredAt()) + "\nactor: " + e.actor()
                + " (" + e.actorRole() + ")\naction: " + e.action() + "\napp: "
                + (e.appId() == null ? "-" : appKeys.getOrDefault(e.appId(), String.valueOf(e.appId()))) + "\ntarget_user: "
                + e.targetUser() + "\ntarget: " + e.target() + "\nparams: " + e.params() + "\noutcome: " + e.outcome()
                + "\nreason: " + e.reason() + "\nprev_hash: " + e.prevHash() + "\nrow_hash: " + e.rowHash();
    }


    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("audit.title");
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
