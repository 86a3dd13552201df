package io.roamdesk.console.history;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertEnabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import io.roamdesk.app.App;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.MessageEntry;
import io.roamdesk.security.Role;
import io.roamdesk.support.Chats;
import io.roamdesk.support.TestApps;
import io.roamdesk.support.ViewTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history view without a browser: paging buttons, the deletion and reveal dialogs, what each role may do. */
class HistoryViewTest extends ViewTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;

    private void openHistory(App app, String user, String conv) {
        open("history?app=" + URLEncoder.encode(app.key().toString(), StandardCharsets.UTF_8) + "&user=" + user
                + "&type=chat&conv=" + conv);
        assertThat(currentView()).isInstanceOf(HistoryView.class);
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<MessageEntry> messages() {
        return _get(Grid.class, spec -> spec.withId("messages-grid"));
    }

    private static String preview() {
        return _get(Div.class, spec -> spec.withId("deletion-preview")).getElement().getTextRecursively();
    }

    private static List<MessageEntry> shown() {
        return messages().getListDataView().getItems().toList();
    }

    @Test
    void olderAndNewerAreEnabledExactlyWhereThereIsAPageToGoTo() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 120; i++) {
            chats.text(app, "pg-a", "pg-b", "m" + i);
        }
        login("agent-paging", Role.SUPPORT);
        openHistory(app, "pg-a", "pg-b");
        assertThat(shown()).hasSize(50);
        long newestId = shown().get(0).msgId();
        _assertDisabled(button("newer-page"));
        _assertEnabled(button("older-page"));

        _click(button("older-page"));
        assertThat(shown()).hasSize(50);
        _assertEnabled(button("newer-page"));
        _assertEnabled(button("older-page"));

        _click(button("older-page"));
        assertThat(shown()).as("the oldest 20").hasSize(20);
        _assertDisabled(button("older-page"));
        _assertEnabled(button("newer-page"));
        assertThatThrownBy(() -> _click(button("older-page"))).as("a disabled button cannot be clicked")
                .isInstanceOf(IllegalStateException.class);

        _click(button("newer-page"));
        _click(button("newer-page"));
        assertThat(shown().get(0).msgId()).as("back at the newest page").isEqualTo(newestId);
        _assertDisabled(button("newer-page"));
        _assertEnabled(button("older-page"));
    }

    @Test
    void aConversationThatFitsOnOnePageHasNoPagingToDo() {
        App app = testApps.createRoaming();
        chats.text(app, "pg-c", "pg-d", "only one");
        login("agent-one-page", Role.SUPPORT);
        openHistory(app, "pg-c", "pg-d");
        assertThat(shown()).hasSize(1);
        _assertDisabled(button("newer-page"));
        _assertDisabled(button("older-page"));
    }

    @Test
    void deletingSelectedMessagesPreviewsTheCountAndNeedsAReasonBeforeConfirming() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 10; i++) {
            chats.text(app, i % 2 == 0 ? "dl-a" : "dl-b", i % 2 == 0 ? "dl-b" : "dl-a", "message " + i);
        }
        login("agent-delete", Role.SUPPORT);
        openHistory(app, "dl-a", "dl-b");
        List<MessageEntry> page = shown();
        messages().select(page.get(0));
        messages().select(page.get(1));
        messages().select(page.get(2));
        _click(button("delete-selected"));
        assertThat(preview()).contains("3 messages will disappear for dl-a")
                .contains("Every other participant keeps them");
        Button confirm = button("deletion-confirm");
        _assertDisabled(confirm);
        TextArea reason = _get(TextArea.class, spec -> spec.withId("deletion-reason"));
        assertThat(reason.isRequired()).isTrue();
        _setValue(reason, "   ");
        _assertDisabled(confirm);
        assertThat(history.fetch(app, HistoryRequest.newest("dl-a", ChatType.CHAT, "dl-b", 50)).messages())
                .as("nothing is deleted before the confirmation").hasSize(10);
        _setValue(reason, "TICKET-1 user asked");
        _assertEnabled(confirm);
        _click(confirm);
        assertThat(history.fetch(app, HistoryRequest.newest("dl-a", ChatType.CHAT, "dl-b", 50)).messages()).hasSize(7);
        assertThat(history.fetch(app, HistoryRequest.newest("dl-b", ChatType.CHAT, "dl-a", 50)).messages()).hasSize(10);
        assertThat(shown()).as("the view shows what is left").hasSize(7);
    }

    @Test
    void anAdministratorsDeleteForAllNeedsAReasonAndASecondTick() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 4; i++) {
            chats.text(app, "fa-a", "fa-b", "for all " + i);
        }
        login("admin-delete", Role.APP_ADMIN);
        openHistory(app, "fa-a", "fa-b");
        _click(button("delete-conversation"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> scope = _get(RadioButtonGroup.class, spec -> spec.withId("delete-scope"));
        assertThat(scope.getListDataView().getItems().filter(s -> scope.getItemEnabledProvider().test(s)).count())
                .as("both scopes are open to an administrator").isEqualTo(2);
        scope.setValue(scope.getListDataView().getItems().reduce((a, b) -> b).orElseThrow()); // the second: everyone
        _click(button("delete-scope-next"));
        assertThat(preview()).contains("4 messages will be deleted from the server for all 2 participants");
        Button confirm = button("deletion-confirm");
        _setValue(_get(TextArea.class, spec -> spec.withId("deletion-reason")), "TICKET-2 legal request");
        _assertDisabled(confirm);
        _setValue(_get(Checkbox.class, spec -> spec.withId("deletion-understood")), true);
        _assertEnabled(confirm);
        _click(button("deletion-cancel"));
        assertThat(history.fetch(app, HistoryRequest.newest("fa-b", ChatType.CHAT, "fa-a", 50)).messages())
                .as("cancelled: nothing deleted").hasSize(4);
    }

    @Test
    void supportCannotChooseDeleteForAll() {
        App app = testApps.createRoaming();
        chats.text(app, "su-a", "su-b", "hello");
        login("agent-no-for-all", Role.SUPPORT);
        openHistory(app, "su-a", "su-b");
        _click(button("delete-conversation"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> scope = _get(RadioButtonGroup.class, spec -> spec.withId("delete-scope"));
        List<String> enabled = scope.getListDataView().getItems().filter(s -> scope.getItemEnabledProvider().test(s)).toList();
        assertThat(enabled).as("only the user's own copy").hasSize(1);
        assertThat(scope.getItemLabelGenerator().apply(enabled.get(0))).contains("su-a");
        assertThat(scope.getListDataView().getItems().count()).as("delete-for-all is shown, disabled").isEqualTo(2);
    }

    @Test
    void revealingContentNeedsAReason() {
        App app = testApps.createRoaming();
        chats.text(app, "rv-a", "rv-b", "private words");
        login("agent-reveal", Role.SUPPORT);
        openHistory(app, "rv-a", "rv-b");
        _click(button("reveal-button"));
        Button ok = button("reveal-confirm");
        _assertDisabled(ok);
        _setValue(_get(TextArea.class, spec -> spec.withId("reveal-reason")), "  ");
        _assertDisabled(ok);
        _setValue(_get(TextArea.class, spec -> spec.withId("reveal-reason")), "TICKET-3 missing message");
        _assertEnabled(ok);
        _click(ok);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("reveal-status")).getText())
                .contains("revealed until");
    }
}
