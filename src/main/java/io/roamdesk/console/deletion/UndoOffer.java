package io.roamdesk.console.deletion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.admin.ReasonDialog;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.roaming.OneWayDeletion;
import java.util.List;

/**
 * Undo of a one-way deletion: offered in the notification that confirms it, and from the user's
 * list of recent deletions. Both ask for a reason and go through {@link AuditedActions#undoDeletion}.
 */
public final class UndoOffer {

    private final AuditedActions audited;
    private final CurrentAccount account;

    public UndoOffer(AuditedActions audited, CurrentAccount account) {
        this.audited = audited;
        this.account = account;
    }

    /** The deletion's confirmation, with an Undo button while the app allows undoing. */
    public void confirmDone(App app, String owner, OneWayDeletion done, String text, Runnable after) {
        if (done.deletionId() == 0 || app.settings().undoWindowMinutes() <= 0) {
            Feedback.success(text);
            return;
        }
        Notification n = new Notification();
        n.setId("undo-notification");
        n.setDuration(15_000);
        n.setPosition(Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        Button undo = new Button(Feedback.translate("undo.button"), e -> {
            n.close();
            ask(app, owner, done.deletionId(), after);
        });
        undo.setId("undo-notification-button");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Span message = new Span(text + " " + Feedback.translate("undo.offer", app.settings().undoWindowMinutes()));
        HorizontalLayout content = new HorizontalLayout(message, undo);
        content.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        n.add(content);
        n.open();
    }

    /** Asks for the reason, then undoes; {@code after} refreshes the caller's view. */
    public void ask(App app, String owner, long deletionId, Runnable after) {
        new ReasonDialog(Feedback.translate("undo.title", owner),
                List.of(Feedback.translate("undo.preview", owner), Feedback.translate("undo.preview.others")),
                Feedback.translate("undo.confirm"),
                reason -> Feedback.call(() -> audited.undoDeletion(account.actor(), app, owner, deletionId, reason))
                        .ifPresent(u -> {
                            Feedback.success(Feedback.translate("undo.done", owner));
                            after.run();
                        })).open();
    }
}
