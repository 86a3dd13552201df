package io.roamdesk.console.history;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.deletion.BackgroundTask;
import io.roamdesk.console.support.ContentAccess;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.Links;
import io.roamdesk.console.support.Previews;
import io.roamdesk.console.support.ScopedApps;
import io.roamdesk.core.Snowflake;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.roaming.Direction;
import io.roamdesk.roaming.HistoryPage;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.Limits;
import io.roamdesk.roaming.MessageEntry;
import io.roamdesk.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One conversation's history from its owner's side: keyset pages both ways, filters, detail, deletions. */
@Route("history")
@RolesAllowed({Role.SUPPORT_NAME, Role.APP_ADMIN_NAME})
public class HistoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ScopedApps apps;
    private final HistoryService history;
    private final H2 title = new H2();
    private final Anchor back = new Anchor();
    private final Grid<MessageEntry> grid = new Grid<>();
    private final MessageDetail detail = new MessageDetail(this::revealed);
    private final Checkbox showDeleted = new Checkbox();
    private final Button newest = new Button();
    private final Button newer = new Button();
    private final Button older = new Button();
    private final HistoryFilterBar filters;
    private final HistoryDeletions deletionsBar;
    private final ContentAccess access;
    private final RevealBar revealBar;
    private final RecallAction recall;
    private final HistorySearch searchBox;
    private App app;
    private ConversationRef ref;
    private List<MessageEntry> page = List.of();

    public HistoryView(ScopedApps apps, HistoryService history, DeletionService deletions, AuditedActions audited,
            CurrentAccount account, ContentAccess access, io.roamdesk.roaming.RecallService recalls,
            BackgroundTask background, io.roamdesk.roaming.SearchService search,
            io.roamdesk.export.MessageExport exports) {
        this.apps = apps;
        this.history = history;
        this.access = access;
        revealBar = new RevealBar(access, this::contentRevealed);
        setSizeFull();
        filters = new HistoryFilterBar(this::showNewest, this::jumpTo);
        searchBox = new HistorySearch(search, access, filters::filter);
        deletionsBar = new HistoryDeletions(deletions, audited, account, background, this::selectedIds,
                this::showNewest);
        recall = new RecallAction(recalls, audited, account, this::selectedIds, this::showNewest);
        if (account.is(Role.APP_ADMIN)) {
            deletionsBar.add(recall);
        }
        title.setId("history-title");
        back.setId("back-to-user");
        configureGrid();
        showDeleted.setId("show-deleted");
        showDeleted.setLabel(getTranslation("history.showDeleted"));
        showDeleted.addValueChangeListener(e -> showNewest());
        newest.setText(getTranslation("history.newest"));
        newest.setId("newest-page");
        newest.addClickListener(e -> showNewest());
        newer.setText(getTranslation("history.newer"));
        newer.setId("newer-page");
        newer.addClickListener(e -> showNewer());
        older.setText(getTranslation("history.older"));
        older.setId("older-page");
        older.addClickListener(e -> showOlder());
        HorizontalLayout paging = new HorizontalLayout(newest, newer, older, showDeleted);
        paging.setAlignItems(Alignment.CENTER);
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSizeFull();
        // the filters and search hits above must not squeeze the history to a few rows: the page scrolls instead
        split.setMinHeight("22em");
        split.setSplitterPosition(72);
        Button export = new Button(getTranslation("export.button"), e -> new io.roamdesk.console.export.ExportDialog(
                exports, account.actor(), account.role() == Role.SUPPORT, app, ref.owner(), ref).open());
        export.setId("export-button");
        HorizontalLayout head = new HorizontalLayout(title, back, export);
        head.setAlignItems(Alignment.BASELINE);
        add(head, revealBar, filters, searchBox, paging, split, deletionsBar);
    }

    private void configureGrid() {
        grid.setId("messages-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(m -> Formats.time(m.timestamp())).setHeader(getTranslation("history.when")).setAutoWidth(true);
        grid.addColumn(MessageEntry::from).setHeader(getTranslation("history.from")).setAutoWidth(true);
        grid.addColumn(m -> m.bodyType().wire()).setHeader(getTranslation("history.type")).setAutoWidth(true);
        grid.addColumn(m -> revealed() ? Previews.of(m) : Previews.masked(m)).setHeader(getTranslation("history.content")).setFlexGrow(4);
        grid.addComponentColumn(this::state).setHeader(getTranslation("lookup.state")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("history.empty"));
        grid.setPartNameGenerator(m -> m.deletedForAll() ? "deleted-for-all" : m.hiddenForOwner() ? "hidden-for-owner" : null);
        grid.addItemClickListener(e -> detail.show(e.getItem()));
        grid.addSelectionListener(e -> {
            if (e.getAllSelectedItems().size() > Limits.MAX_DELETE_IDS) {
                e.getFirstSelectedItem().ifPresent(grid::deselect);
                Feedback.error(getTranslation("delete.maxSelection", Limits.MAX_DELETE_IDS));
            }
        });
    }

    private Span state(MessageEntry m) {
        if (!m.deletedForAll() && !m.hiddenForOwner()) {
            return new Span();
        }
        Span s = new Span(getTranslation(m.deletedForAll() ? "history.state.deletedForAll" : "history.state.hidden"));
        s.getElement().getThemeList().add("badge error");
        return s;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var p = event.getLocation().getQueryParameters();
        var appKey = p.getSingleParameter("app");
        var user = p.getSingleParameter("user");
        var conv = p.getSingleParameter("conv");
        if (appKey.isEmpty() || user.isEmpty() || conv.isEmpty()) {
            Feedback.error(getTranslation("history.missing"));
            return;
        }
        ChatType type = "groupchat".equals(p.getSingleParameter("type").orElse("chat")) ? ChatType.GROUPCHAT : ChatType.CHAT;
        Feedback.call(() -> {
            // an app outside the account's apps gets the same answer as an unknown one
            App found = apps.require(AppKey.parse(appKey.get()));
            ConversationRef r = ConversationRef.of(user.get(), type, conv.get());
            app = found;
            ref = r;
            return r;
        }).ifPresent(r -> {
            title.setText(getTranslation("history.title." + type.wire(), r.owner(), r.convId()));
            back.setText(getTranslation("history.backToUser", r.owner()));
            back.setHref("users?" + Links.user(app, r.owner()).getQueryString());
            deletionsBar.target(app, r);
            recall.target(app, r);
            revealBar.target(app, r);
            searchBox.target(app, r);
            var msg = p.getSingleParameter("msg").map(io.roamdesk.console.support.Ids::parse);
            if (msg.isPresent() && msg.get() != null) {
                load(msg.get() + 1, Direction.UP, false);
                page.stream().filter(m -> m.msgId() == msg.get()).findFirst().ifPresent(m -> {
                    grid.select(m);
                    detail.show(m);
                });
            } else {
                showNewest();
            }
        });
    }

    private void showNewest() {
        load(null, Direction.UP, false);
    }

    private void showOlder() {
        if (!page.isEmpty()) {
            load(page.get(page.size() - 1).msgId(), Direction.UP, true);
        }
    }

    private void showNewer() {
        if (!page.isEmpty()) {
            load(page.get(0).msgId(), Direction.DOWN, true);
        }
    }

    private void jumpTo(LocalDate date) {
        load(Snowflake.lastIdAt(Formats.dayEnd(date)) + 1, Direction.UP, false);
    }

    /** Loads one page, newest first; stays on the current page when a step finds nothing. */
    private void load(Long startId, Direction direction, boolean keepIfEmpty) {
        if (app == null) {
            return;
        }
        HistoryRequest request = new HistoryRequest(ref.owner(), ref.chatType(), ref.convId(), null, startId, direction,
                Limits.MAX_PAGE_SIZE, filters.filter());
        Feedback.call(() -> history.consoleFetch(app, request, showDeleted.getValue())).ifPresent(result -> {
            List<MessageEntry> messages = new ArrayList<>(result.messages());
            if (direction == Direction.DOWN) {
                Collections.reverse(messages);
            }
            boolean moved = !messages.isEmpty() || !keepIfEmpty;
            if (moved) {
                page = messages;
                grid.setItems(page);
                detail.clear();
                if (revealed() && !page.isEmpty()) {
                    access.shown(app, ref, page.size());
                }
            }
            older.setEnabled(direction == Direction.DOWN ? !page.isEmpty() : !result.isLast());
            newer.setEnabled(startId != null && !(direction == Direction.DOWN && result.isLast()));
        });
    }

    private boolean revealed() {
        return app != null && access.isRevealed(app, ref);
    }

    private void contentRevealed() {
        grid.getDataProvider().refreshAll();
        detail.refresh();
        searchBox.accessChanged();
        if (!page.isEmpty()) {
            access.shown(app, ref, page.size());
        }
    }

    private List<Long> selectedIds() {
        return grid.getSelectedItems().stream().map(MessageEntry::msgId).toList();
    }

    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("history.page");
    }
}
