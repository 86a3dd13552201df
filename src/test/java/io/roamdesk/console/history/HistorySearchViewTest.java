package io.roamdesk.console.history;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertEnabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditEvent;
import io.roamdesk.audit.AuditQuery;
import io.roamdesk.audit.AuditSearch;
import io.roamdesk.roaming.MessageEntry;
import io.roamdesk.roaming.SearchService;
import io.roamdesk.security.Role;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import io.roamdesk.support.ViewTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/** The history view's search without a browser: needs a reveal, audited with query and hits, opens a hit in context. */
class HistorySearchViewTest extends ViewTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    AuditSearch auditSearch;
    @Autowired
    SearchService searchService;

    private void openHistory(App app, String user, String conv) {
        open("history?app=" + URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8) + "&user=" + user
                + "&type=chat&conv=" + conv);
        assertThat(currentView()).isInstanceOf(HistoryView.class);
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<MessageEntry> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static List<MessageEntry> items(String id) {
        return grid(id).getListDataView().getItems().toList();
    }

    private static String status() {
        return _get(Span.class, spec -> spec.withId("search-status")).getText();
    }

    private void reveal(String reason) {
        _click(button("reveal-button"));
        _setValue(_get(TextArea.class, spec -> spec.withId("reveal-reason")), reason);
        _click(button("reveal-confirm"));
    }

    private List<AuditEvent> searches(App app, String owner) {
        return auditSearch.page(new AuditQuery(null, null, null, AuditAction.CONTENT_SEARCH, app.appId(), owner), null, 50);
    }

    @Test
    void searchingNeedsARevealIsAuditedAndOpensAHitInItsHistoryPage() {
        App app = testApps.createRoaming();
        List<Long> hits = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            long id = chats.text(app, i % 2 == 0 ? "sv-a" : "sv-b", i % 2 == 0 ? "sv-b" : "sv-a",
                    i % 40 == 3 ? "退款 refund request " + i : "chatter " + i);
            if (i % 40 == 3) {
                hits.add(0, id);
            }
        }
        login("agent-search", Role.SUPPORT);
        openHistory(app, "sv-a", "sv-b");
        TextField query = _get(TextField.class, spec -> spec.withId("search-query"));
        _assertDisabled(query);
        _assertDisabled(button("search-go"));
        assertThat(status()).contains("Reveal the content");

        reveal("TICKET-16 customer looks for a refund message");
        _assertEnabled(query);
        _setValue(query, "REFUND");
        _click(button("search-go"));
        assertThat(items("search-hits")).extracting(MessageEntry::msgId).isEqualTo(hits);
        assertThat(status()).contains("Found 3 in the whole conversation");
        List<AuditEvent> audited = searches(app, "sv-a");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).params()).contains("\"query\":\"REFUND\"").contains("\"hits\":3");
        assertThat(audited.get(0).reason()).isEqualTo("TICKET-16 customer looks for a refund message");
        assertThat(audited.get(0).target()).isEqualTo("chat:sv-b");

        // the oldest hit is on the third page of history: the click opens that page with it selected
        GridKt._clickItem(grid("search-hits"), 2);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters().get("msg"))
                .containsExactly(Long.toString(hits.get(2)));
        assertThat(items("messages-grid").get(0).msgId()).isEqualTo(hits.get(2));
        assertThat(grid("messages-grid").getSelectedItems()).extracting(MessageEntry::msgId).containsExactly(hits.get(2));
        assertThat(items("search-hits")).as("the hits stay for the next click").hasSize(3);
    }

    @Test
    void aSearchThatRunsOutOfItsBudgetOffersToSearchFurther() {
        App app = testApps.createRoaming();
        long needle = chats.text(app, "sb-a", "sb-b", "the needle");
        for (int i = 0; i < 40; i++) {
            chats.text(app, "sb-b", "sb-a", "hay " + i);
        }
        int rows = (int) ReflectionTestUtils.getField(searchService, "budgetRows");
        ReflectionTestUtils.setField(searchService, "budgetRows", 30);
        try {
            login("agent-search-budget", Role.SUPPORT);
            openHistory(app, "sb-a", "sb-b");
            reveal("TICKET-17");
            _setValue(_get(TextField.class, spec -> spec.withId("search-query")), "needle");
            _click(button("search-go"));
            assertThat(_find(Grid.class, spec -> spec.withId("search-hits"))).as("no hits yet: no grid").isEmpty();
            assertThat(status()).contains("Found 0 so far, searched back to");
            _click(button("search-more"));
            assertThat(items("search-hits")).extracting(MessageEntry::msgId).containsExactly(needle);
            assertThat(status()).contains("Found 1 in the whole conversation");
            assertThat(_find(Button.class, spec -> spec.withId("search-more"))).as("nothing further to search").isEmpty();
            assertThat(searches(app, "sb-a")).hasSize(2);
        } finally {
            ReflectionTestUtils.setField(searchService, "budgetRows", rows);
        }
    }
}
