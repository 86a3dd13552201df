package io.roamdesk.console.history;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.deletion.BackgroundTask;
import io.roamdesk.console.deletion.DeletionDialog;
import io.roamdesk.console.deletion.ListChangeLines;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.security.Role;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * The deletion buttons of the history view. Each previews, asks for a reason and a confirmation,
 * and runs through {@link AuditedActions}; deleting for all participants needs APP_ADMIN.
 */
class HistoryDeletions extends HorizontalLayout {

    private static final String ONLY_MINE = "mine";
    private static final String EVERYONE = "everyone";

    private final DeletionService deletions;
    private final AuditedActions audited;
    private final CurrentAccount account;
    private final BackgroundTask background;
    private final Supplier<List<Long>> selected;
    private final Runnable refresh;
    private App app;
    private ConversationRef ref;

    HistoryDeletions(DeletionService deletions, AuditedActions audited, CurrentAccount account,
            BackgroundTask background, Supplier<List<Long>> selected, Runnable refresh) {
        this.deletions = deletions;
        this.audited = audited;
        this.account = account;
        this.background = background;
        this.selected = selected;
        this.refresh = refresh;
        Button bySelection = new Button(getTranslation("delete.selected"), e -> deleteSelected());
        bySelection.setId("delete-selected");
        Button byTime = new Button(getTranslation("delete.before"), e -> deleteBefore());
        byTime.setId("delete-before");
        Button conversation = new Button(getTranslation("delete.conversation"), e -> deleteConversation());
        conversation.setId("delete-conversation");
        conversation.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(bySelection, byTime, conversation);
    }

    void target(App app, ConversationRef ref) {
        this.app = app;
        this.ref = ref;
    }

    private void deleteSelected() {
        List<Long> ids = selected.get();
        if (ids.isEmpty()) {
            Feedback.error(getTranslation("delete.selectFirst"));
            return;
        }
        Feedback.call(() -> audited.preview(account.actor(), app, ref.owner(), ref, "DELETE_ONE_WAY_IDS",
                () -> deletions.previewByIds(app, ref, ids))).ifPresent(p -> new DeletionDialog(
                getTranslation("delete.selected.title", ref.owner()),
                lines(getTranslation("delete.preview.oneWay", p.messages(), ref.owner()), p,
                        getTranslation("delete.othersKeep")),
                false, reason -> undoable(Feedback.call(() -> audited.oneWayByIds(account.actor(), app, ref, ids, reason))))
                .open());
    }

    private void deleteBefore() {
        Dialog pick = new Dialog();
        pick.setHeaderTitle(getTranslation("delete.before.pick"));
        DateTimePicker when = new DateTimePicker(getTranslation("delete.before.when"));
        when.setId("delete-before-time");
        Button next = new Button(getTranslation("delete.preview"), e -> {
            if (when.getValue() == null) {
                return;
            }
            pick.close();
            long time = when.getValue().toInstant(ZoneOffset.UTC).toEpochMilli();
            Feedback.call(() -> audited.preview(account.actor(), app, ref.owner(), ref, "DELETE_ONE_WAY_TIME",
                    () -> deletions.previewBefore(app, ref, time))).ifPresent(p -> new DeletionDialog(
                    getTranslation("delete.before.title", ref.owner()),
                    lines(getTranslation("delete.preview.oneWay", p.messages(), ref.owner()), p,
                            getTranslation("delete.othersKeep")),
                    false, reason -> undoable(Feedback.call(() -> audited.oneWayBefore(account.actor(), app, ref, time, reason))))
                    .open());
        });
        next.setId("delete-before-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pick.add(when);
        pick.getFooter().add(new Button(getTranslation("common.cancel"), e -> pick.close()), next);
        pick.open();
    }

    private void deleteConversation() {
        Dialog pick = new Dialog();
        pick.setHeaderTitle(getTranslation("delete.conversation.title", ref.convId()));
        RadioButtonGroup<String> scope = new RadioButtonGroup<>();
        scope.setId("delete-scope");
        scope.setItems(ONLY_MINE, EVERYONE);
        scope.setItemLabelGenerator(s -> getTranslation(s.equals(EVERYONE) ? "delete.scope.everyone" : "delete.scope.mine",
                ref.owner()));
        scope.setItemEnabledProvider(s -> !s.equals(EVERYONE) || account.is(Role.APP_ADMIN));
        scope.setValue(ONLY_MINE);
        // a user's erasure request: no grace period, the messages are purged as soon as they are deleted
        Checkbox erasure = new Checkbox(getTranslation("delete.erasure"));
        erasure.setId("delete-erasure");
        erasure.setVisible(false);
        scope.addValueChangeListener(e -> erasure.setVisible(EVERYONE.equals(e.getValue()) && account.is(Role.APP_ADMIN)));
        Button next = new Button(getTranslation("delete.preview"), e -> {
            pick.close();
            boolean everyone = EVERYONE.equals(scope.getValue());
            confirmConversation(everyone, everyone && erasure.getValue());
        });
        next.setId("delete-scope-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pick.add(scope, erasure);
        pick.getFooter().add(new Button(getTranslation("common.cancel"), e -> pick.close()), next);
        pick.open();
    }

    private void confirmConversation(boolean everyone, boolean erasure) {
        if (everyone && !account.is(Role.APP_ADMIN)) {
            Feedback.error(getTranslation("delete.adminOnly"));
            return;
        }
        Feedback.call(() -> audited.preview(account.actor(), app, ref.owner(), ref,
                everyone ? "DELETE_CONVERSATION_FOR_ALL" : "DELETE_CONVERSATION",
                () -> deletions.previewConversation(app, ref, everyone))).ifPresent(p -> {
                    List<String> lines = everyone
                            ? lines(getTranslation("delete.preview.everyone", p.messages(), p.affectedUsers().size()), p,
                                    getTranslation("delete.preview.users", String.join(", ",
                                            p.affectedUsers().subList(0, Math.min(10, p.affectedUsers().size())))
                                            + (p.affectedUsers().size() > 10 ? " …" : "")),
                                    erasure ? getTranslation("delete.preview.erasure")
                                            : getTranslation("delete.preview.grace", app.settings().deleteGraceHours()))
                            : lines(getTranslation("delete.preview.listOnly", ref.owner()), p);
                    // taken here: the security context does not reach the background thread
                    var actor = account.actor();
                    new DeletionDialog(getTranslation("delete.conversation.title", ref.convId()), lines, everyone,
                            reason -> background.run(getTranslation("delete.running"), p.messages(),
                                    progress -> audited.deleteConversation(actor, app, ref, everyone, erasure, reason, progress),
                                    n -> {
                                        Feedback.success(getTranslation(everyone && !erasure && app.settings().deleteGraceHours() > 0
                                                ? "delete.done.forAll" : "delete.done.conversation", n));
                                        refresh.run();
                                    })).open();
                });
    }

    /** The preview's first line, then what leaves whose list, then the rest. */
    private List<String> lines(String first, DeletionService.Preview p, String... rest) {
        List<String> out = new java.util.ArrayList<>(List.of(first));
        out.addAll(ListChangeLines.of(p.leaves(), ref.owner()));
        out.addAll(List.of(rest));
        return out;
    }

    /** Confirms a one-way deletion with an Undo button in the notification. */
    private void undoable(java.util.Optional<io.roamdesk.roaming.OneWayDeletion> done) {
        done.ifPresent(d -> {
            new io.roamdesk.console.deletion.UndoOffer(audited, account).confirmDone(app, ref.owner(), d,
                    getTranslation("delete.done"), refresh);
            refresh.run();
        });
    }
}
