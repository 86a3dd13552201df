package io.roamdesk.console.history;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.deletion.DeletionDialog;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.RecallService;
import io.roamdesk.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recalls the one selected message for everyone (APP_ADMIN only): a preview of who loses it, a
 * reason, a confirmation drawn as dangerous. An administrator's recall is not bound by the app's
 * recall window; the preview says how old the message is against it.
 */
class RecallAction extends Button {

    private final RecallService recalls;
    private final AuditedActions audited;
    private final CurrentAccount account;
    private final Supplier<List<Long>> selected;
    private final Runnable refresh;
    private App app;
    private ConversationRef ref;

    RecallAction(RecallService recalls, AuditedActions audited, CurrentAccount account, Supplier<List<Long>> selected,
            Runnable refresh) {
        this.recalls = recalls;
        this.audited = audited;
        this.account = account;
        this.selected = selected;
        this.refresh = refresh;
        setText(getTranslation("recall.button"));
        setId("recall-message");
        addThemeVariants(ButtonVariant.LUMO_ERROR);
        addClickListener(e -> open());
    }

    void target(App app, ConversationRef ref) {
        this.app = app;
        this.ref = ref;
    }

    private void open() {
        if (!account.is(Role.APP_ADMIN)) {
            Feedback.error(getTranslation("recall.adminOnly"));
            return;
        }
        List<Long> ids = selected.get();
        if (ids.size() != 1) {
            Feedback.error(getTranslation("recall.selectOne"));
            return;
        }
        long msgId = ids.get(0);
        Feedback.call(() -> audited.preview(account.actor(), app, ref.owner(), ref, "RECALL",
                () -> recalls.preview(app, ref, msgId))).ifPresent(p -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(getTranslation("recall.preview.message", p.message().from(), Formats.time(p.message().timestamp()),
                            p.affectedUsers().size()));
                    lines.add(getTranslation("delete.preview.users", String.join(", ",
                            p.affectedUsers().subList(0, Math.min(10, p.affectedUsers().size())))
                            + (p.affectedUsers().size() > 10 ? " …" : "")));
                    lines.add(p.alreadyGone() ? getTranslation("recall.preview.alreadyGone")
                            : getTranslation(p.withinWindow() ? "recall.preview.inWindow" : "recall.preview.outsideWindow",
                                    age(p.ageMillis()), age(p.windowMillis())));
                    var actor = account.actor();
                    DeletionDialog dialog = new DeletionDialog(getTranslation("recall.title"), lines, true, reason -> {
                        if (Feedback.run(() -> audited.recallInConversation(actor, app, ref, msgId, reason))) {
                            Feedback.success(getTranslation("recall.done"));
                            refresh.run();
                        }
                    });
                    dialog.setConfirmText(getTranslation("recall.confirm"));
                    dialog.open();
                });
    }

    private String age(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toDays() > 0) {
            return getTranslation("recall.age.days", d.toDays(), d.toHoursPart());
        }
        if (d.toHours() > 0) {
            return getTranslation("recall.age.hours", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return getTranslation("recall.age.minutes", d.toMinutes(), d.toSecondsPart());
        }
        return getTranslation("recall.age.seconds", d.toSeconds());
    }
}
