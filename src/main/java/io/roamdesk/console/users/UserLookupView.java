package io.roamdesk.console.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.roamdesk.app.App;
import io.roamdesk.console.history.HistoryView;
import io.roamdesk.console.support.ContentAccess;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.Links;
import io.roamdesk.console.support.Previews;
import io.roamdesk.console.support.ScopedApps;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.ConversationPage;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.ConversationListItem;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.roaming.Marks;
import io.roamdesk.roaming.ServerConversations;
import io.roamdesk.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Pick an app and a user; see that user's server conversations page by page, exactly as the client would. */
@Route("users")
@RolesAllowed({Role.SUPPORT_NAME, Role.APP_ADMIN_NAME})
public class UserLookupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 20;

    private final ConversationService conversations;
    private final GroupService groups;
    private final ContentAccess access;
    private final Select<App> appSelect = new Select<>();
    private final ComboBox<String> user = new ComboBox<>();
    private final Checkbox showHidden = new Checkbox();
    private final Grid<ConversationEntry> grid = new Grid<>();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageLabel = new Span();
    private final Deque<String> cursors = new ArrayDeque<>();
    private final ClearAllAction clearAll;
    private final RecentDeletions recentDeletions;
    private final ForAllDeletions forAllDeletions;
    private String nextCursor = "";
    private final ServerConversations server;
    private final Select<String> markFilter = new Select<>();
    /** Pins, marks and unread counts of the rows shown, by type and conversation id. */
    private final java.util.Map<String, ConversationListItem> entries = new java.util.HashMap<>();

    public UserLookupView(ScopedApps apps, GroupService groups, ConversationService conversations, ClearAllAction clearAll,
            ContentAccess access, ServerConversations server, io.roamdesk.export.MessageExport exports,
            io.roamdesk.console.support.CurrentAccount account, io.roamdesk.roaming.UndoService undo,
            io.roamdesk.audit.AuditedActions audited, java.time.Clock clock, io.roamdesk.roaming.GraceService grace) {
        this.forAllDeletions = new ForAllDeletions(grace, audited, account, clock, this::firstPage);
        this.recentDeletions = new RecentDeletions(undo, new io.roamdesk.console.deletion.UndoOffer(audited, account), clock,
                this::firstPage);
        this.conversations = conversations;
        this.server = server;
        this.access = access;
        this.groups = groups;
        this.clearAll = clearAll;
        setSizeFull();
        appSelect.setId("app-select");
        appSelect.setLabel(getTranslation("lookup.app"));
        appSelect.setItemLabelGenerator(a -> a.key().toString());
        appSelect.setItems(Feedback.call(apps::list).orElse(List.of()));
        user.setId("user-box");
        user.setLabel(getTranslation("lookup.user"));
        user.setPlaceholder(getTranslation("lookup.user.placeholder"));
        user.setAllowCustomValue(true);
        user.setItems(query -> {
            App app = appSelect.getValue();
            String prefix = query.getFilter().orElse("");
            int limit = query.getLimit();
            return query.getOffset() > 0 || app == null ? java.util.stream.Stream.empty()
                    : Feedback.call(() -> groups.suggestUsers(app, prefix, Math.min(limit, 20))).orElse(List.of()).stream();
        });
        user.addCustomValueSetListener(e -> user.setValue(e.getDetail().strip().toLowerCase(java.util.Locale.ROOT)));
        user.addValueChangeListener(e -> firstPage());
        appSelect.addValueChangeListener(e -> firstPage());
        showHidden.setId("show-hidden");
        showHidden.setLabel(getTranslation("lookup.showHidden"));
        showHidden.addValueChangeListener(e -> firstPage());
        Button clear = new Button(getTranslation("clearAll.button"), e -> clearAll.open(appSelect.getValue(),
                user.getValue(), this::firstPage));
        clear.setId("clear-all-button");
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        markFilter.setId("mark-filter");
        markFilter.setLabel(getTranslation("lookup.markFilter"));
        markFilter.setItems(java.util.stream.IntStream.range(0, Marks.COUNT).mapToObj(Marks::name).toList());
        markFilter.setEmptySelectionAllowed(true);
        markFilter.setEmptySelectionCaption(getTranslation("lookup.markFilter.all"));
        markFilter.addValueChangeListener(e -> firstPage());
        Button export = new Button(getTranslation("export.userButton"), e -> {
            if (appSelect.getValue() != null && user.getValue() != null && !user.getValue().isBlank()) {
                new io.roamdesk.console.export.ExportDialog(exports, account.actor(),
                        account.role() == Role.SUPPORT, appSelect.getValue(), user.getValue(), null).open();
            }
        });
        export.setId("export-user-button");
        export.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout pick = new HorizontalLayout(appSelect, user, markFilter, showHidden, clear, export);
        pick.setAlignItems(Alignment.BASELINE);
        configureGrid();
        previous.setText(getTranslation("paging.previous"));
        previous.setId("previous-page");
        previous.addClickListener(e -> previousPage());
        next.setText(getTranslation("paging.next"));
        next.setId("next-page");
        next.addClickListener(e -> nextPage());
        pageLabel.setId("page-label");
        HorizontalLayout paging = new HorizontalLayout(previous, pageLabel, next);
        paging.setId("lookup-paging");
        paging.setAlignItems(Alignment.CENTER);
        add(new H2(getTranslation("lookup.title")), pick, grid, paging, recentDeletions, forAllDeletions);
        showPage(null);
    }

    private void configureGrid() {
        grid.setId("conversations-grid");
        // long previews and several marks wrap inside their cells instead of being cut to a few letters
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ConversationEntry::convId).setHeader(getTranslation("lookup.conversation")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("type." + c.chatType().wire())).setHeader(getTranslation("lookup.type"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.latest() == null ? "" : c.latest().from() + ": " + preview(c))
                .setHeader(getTranslation("lookup.latest")).setWidth("10em").setFlexGrow(3);
        grid.addColumn(c -> Formats.time(c.lastActivity())).setHeader(getTranslation("lookup.lastActivity"))
                .setAutoWidth(true);
        // rendered from the item's data (not components), so a page read again shows the new counts even
        // when the rows themselves are equal to the ones shown before
        grid.addColumn(cell("pinned", c -> entry(c).filter(ConversationListItem::pinned)
                        .map(e -> getTranslation("lookup.pinned.yes")).orElse(""),
                c -> entry(c).filter(ConversationListItem::pinned).map(e -> Formats.time(e.pinnedAt())).orElse(""), c -> "badge"))
                .setHeader(getTranslation("lookup.pinned")).setWidth("6em").setFlexGrow(0);
        grid.addColumn(cell("marks", c -> entry(c).map(e -> String.join(", ", e.marks())).orElse(""),
                c -> entry(c).map(e -> String.join(", ", e.marks())).orElse(""), c -> ""))
                .setHeader(getTranslation("lookup.marks")).setWidth("7em").setFlexGrow(1);
        grid.addColumn(cell("unread", c -> entry(c).map(ConversationListItem::unreadLabel).orElse(""),
                c -> getTranslation("lookup.unread.why"),
                c -> entry(c).map(e -> e.unread() > 0 ? "badge contrast pill" : "").orElse("")))
                .setHeader(getTranslation("lookup.unread")).setWidth("6.5em").setFlexGrow(0);
        // a fixed width: component cells are not measured by auto width, and the badges are up to ~28 characters
        grid.addComponentColumn(this::state).setHeader(getTranslation("lookup.state")).setWidth("14em").setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("lookup.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(HistoryView.class,
                Links.conversation(appSelect.getValue(), user.getValue(), e.getItem().chatType(), e.getItem().convId()))));
    }

    /** Content only where its reader revealed it with a reason; the type otherwise. */
    private String preview(ConversationEntry c) {
        var ref = new io.roamdesk.roaming.ConversationRef(user.getValue(), c.chatType(), c.convId());
        return access.isRevealed(appSelect.getValue(), ref) ? Previews.of(c.latest()) : Previews.masked(c.latest());
    }

    private java.util.Optional<ConversationListItem> entry(ConversationEntry c) {
        return java.util.Optional.ofNullable(entries.get(c.chatType().wire() + "/" + c.convId()));
    }

    /** A cell tests find by what it shows and whose row it is: {@code data-<what>="<conversation id>"}. */
    private static com.vaadin.flow.data.renderer.LitRenderer<ConversationEntry> cell(String what,
            com.vaadin.flow.function.ValueProvider<ConversationEntry, String> text,
            com.vaadin.flow.function.ValueProvider<ConversationEntry, String> title,
            com.vaadin.flow.function.ValueProvider<ConversationEntry, String> theme) {
        return com.vaadin.flow.data.renderer.LitRenderer.<ConversationEntry>of("<span data-" + what
                        + "=\"${item.conv}\" title=\"${item.title}\" theme=\"${item.text ? item.theme : ''}\">${item.text}</span>")
                .withProperty("conv", ConversationEntry::convId)
                .withProperty("text", text)
                .withProperty("title", title)
                .withProperty("theme", theme);
    }

    private Span state(ConversationEntry c) {
        Span s = new Span(getTranslation(c.listing().labelKey()));
        s.getElement().getThemeList().add(c.listing().listed() ? "badge success" : "badge error");
        s.getElement().setAttribute("data-listing", c.listing().name());
        s.getElement().setAttribute("title", getTranslation(c.listing().labelKey() + ".why"));
        return s;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        var key = params.getSingleParameter("app");
        var app = key.flatMap(k -> appSelect.getListDataView().getItems().filter(a -> a.key().toString().equals(k)).findFirst());
        app.ifPresent(appSelect::setValue);
        if (key.isPresent() && app.isEmpty()) {
            // an app this account may not act on is answered exactly like one that does not exist
            Feedback.error(getTranslation("lookup.noSuchApp", key.get()));
            return;
        }
        params.getSingleParameter("user").ifPresent(user::setValue);
    }

    private void firstPage() {
        cursors.clear();
        showPage(null);
        recentDeletions.show(appSelect.getValue(), user.getValue());
        forAllDeletions.show(appSelect.getValue(), user.getValue());
    }

    private void nextPage() {
        cursors.push(nextCursor);
        showPage(nextCursor);
    }

    private void previousPage() {
        cursors.pop();
        showPage(cursors.peek());
    }

    private void showPage(String cursor) {
        App app = appSelect.getValue();
        String owner = user.getValue();
        ConversationPage page = app == null || owner == null || owner.isBlank() ? new ConversationPage(List.of(), "")
                : Feedback.call(() -> page(app, owner, cursor)).orElse(new ConversationPage(List.of(), ""));
        boolean picked = app != null && owner != null && !owner.isBlank();
        grid.setEmptyStateText(getTranslation(picked ? "lookup.empty" : "lookup.pickFirst"));
        grid.setItems(page.conversations());
        nextCursor = page.nextCursor();
        next.setEnabled(!page.isLast());
        previous.setEnabled(!cursors.isEmpty());
        pageLabel.setText(getTranslation("paging.page", cursors.size() + 1));
        if (page.conversations().isEmpty() && cursor == null && app != null && owner != null && !owner.isBlank()
                && !Feedback.call(() -> groups.userExists(app, owner)).orElse(true)) {
            Feedback.error(getTranslation("lookup.noSuchUser", owner, app.key().toString()));
        }
        if (app != null && owner != null && !owner.isBlank()) {
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    "users?" + Links.user(app, owner).getQueryString()));
        }
    }

    /**
     * The console's page with each row's pin, marks and unread count; with a mark picked, the
     * client's list filtered by that mark (listed conversations only).
     */
    private ConversationPage page(App app, String owner, String cursor) {
        entries.clear();
        String mark = markFilter.getValue();
        if (mark != null && !mark.isEmpty()) {
            var marked = server.list(app, owner, cursor, PAGE_SIZE, false, Marks.parse(mark));
            marked.entries().forEach(this::remember);
            return new ConversationPage(marked.entries().stream().map(ConversationListItem::conversation).toList(),
                    marked.nextCursor());
        }
        ConversationPage page = conversations.consolePage(app, owner, cursor, PAGE_SIZE, showHidden.getValue());
        server.entries(app, owner, page.conversations()).forEach(this::remember);
        return page;
    }

    private void remember(ConversationListItem e) {
        entries.put(e.conversation().chatType().wire() + "/" + e.conversation().convId(), e);
    }

    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("lookup.title");
    }
}
