package io.roamdesk.console.history;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.roamdesk.app.App;
import io.roamdesk.console.support.ContentAccess;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.Links;
import io.roamdesk.console.support.Previews;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.HistoryFilter;
import io.roamdesk.roaming.MessageEntry;
import io.roamdesk.roaming.SearchPage;
import io.roamdesk.roaming.SearchRequest;
import io.roamdesk.roaming.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The history view's keyword search, with the view's filters: hits newest first, each opening the
 * message in its history page (the {@code msg=} deep link). Searching reads content, so it needs the
 * conversation revealed with a reason, and every search is audited with its query and hit count.
 */
class HistorySearch extends VerticalLayout {

    private static final int PAGE = 20;

    private final SearchService search;
    private final ContentAccess access;
    private final Supplier<HistoryFilter> filters;
    private final TextField query = new TextField();
    private final Button go = new Button();
    private final Button more = new Button();
    private final Span status = new Span();
    private final Grid<MessageEntry> hits = new Grid<>();
    private final List<MessageEntry> found = new ArrayList<>();
    private App app;
    private ConversationRef ref;
    private SearchRequest continuation;

    HistorySearch(SearchService search, ContentAccess access, Supplier<HistoryFilter> filters) {
        this.search = search;
        this.access = access;
        this.filters = filters;
        setPadding(false);
        setSpacing(false);
        query.setId("search-query");
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setMaxLength(SearchService.MAX_QUERY_LENGTH);
        query.setClearButtonVisible(true);
        query.setWidth("22em");
        query.addKeyPressListener(Key.ENTER, e -> start());
        go.setText(getTranslation("search.go"));
        go.setId("search-go");
        go.addClickListener(e -> start());
        more.setText(getTranslation("search.more"));
        more.setId("search-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> run(continuation, false));
        more.setVisible(false);
        status.setId("search-status");
        HorizontalLayout bar = new HorizontalLayout(query, go, status, more);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        hits.setId("search-hits");
        hits.addThemeVariants(GridVariant.LUMO_COMPACT);
        hits.addColumn(m -> Formats.time(m.timestamp())).setHeader(getTranslation("history.when")).setAutoWidth(true);
        hits.addColumn(MessageEntry::from).setHeader(getTranslation("history.from")).setAutoWidth(true);
        hits.addColumn(m -> m.bodyType().wire()).setHeader(getTranslation("history.type")).setAutoWidth(true);
        hits.addColumn(m -> revealed() ? Previews.of(m) : Previews.masked(m)).setHeader(getTranslation("history.content"))
                .setFlexGrow(4);
        hits.addItemClickListener(e -> open(e.getItem()));
        hits.setVisible(false);
        add(bar, hits);
    }

    /** The conversation searched; a new conversation forgets the hits of the previous one. */
    void target(App app, ConversationRef ref) {
        boolean same = this.app != null && this.app.appId() == app.appId() && ref.equals(this.ref);
        this.app = app;
        this.ref = ref;
        if (!same) {
            found.clear();
            hits.setItems(found);
            hits.setVisible(false);
            more.setVisible(false);
            continuation = null;
        }
        accessChanged();
    }

    /** Reveal state changed: searching is possible only while the content is revealed. */
    void accessChanged() {
        boolean open = revealed();
        query.setEnabled(open);
        go.setEnabled(open);
        more.setEnabled(open);
        if (!open) {
            status.setText(getTranslation("search.needsReveal"));
        }
        hits.getDataProvider().refreshAll();
    }

    private void start() {
        if (app == null || !revealed()) {
            return;
        }
        run(new SearchRequest(ref.owner(), ref.chatType(), ref.convId(), query.getValue(), null, PAGE, filters.get()), true);
    }

    private void run(SearchRequest request, boolean fresh) {
        if (request == null) {
            return;
        }
        Feedback.call(() -> access.search(app, ref, request, search)).ifPresent(page -> show(request, page, fresh));
    }

    private void show(SearchRequest request, SearchPage page, boolean fresh) {
        if (fresh) {
            found.clear();
        }
        found.addAll(page.hits());
        hits.setItems(found);
        hits.setVisible(!found.isEmpty());
        // a few hits take only their rows; more scroll inside a fixed height above the history
        // (an explicit height would win over all-rows-visible: set one only when the hits scroll)
        boolean few = found.size() <= 4;
        hits.setAllRowsVisible(few);
        hits.setHeight(few ? null : "180px");
        continuation = page.isLast() ? null : request.withCursor(page.nextCursor());
        more.setVisible(!page.isLast());
        status.setText(page.isLast() ? getTranslation("search.done", found.size())
                : getTranslation("search.partial", found.size(), Formats.time(page.scannedToTime())));
    }

    private void open(MessageEntry m) {
        UI.getCurrent().navigate(HistoryView.class, Links.message(app, ref.owner(), ref.chatType(), ref.convId(), m.msgId()));
    }

    private boolean revealed() {
        return app != null && access.isRevealed(app, ref);
    }
}
