package io.roamdesk.console.users;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.support.CurrentAccount;
import io.roamdesk.console.deletion.DeletionDialog;
import io.roamdesk.console.deletion.ListChangeLines;
import io.roamdesk.console.deletion.UndoOffer;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.roaming.DeletionService;
import java.util.List;

/** Clear all of one user's roaming data: preview, reason, confirmation; only that user's view changes. */
@SpringComponent
@UIScope
class ClearAllAction {

    private final DeletionService deletions;
    private final AuditedActions audited;
    private final CurrentAccount account;

    ClearAllAction(DeletionService deletions, AuditedActions audited, CurrentAccount account) {
        this.deletions = deletions;
        this.audited = audited;
        this.account = account;
    }

    private static List<String> lines(DeletionService.ClearAllPreview p, String user) {
        List<String> out = new java.util.ArrayList<>();
        out.add(Feedback.translate("clearAll.preview", p.conversations(), p.messages(), user));
        out.addAll(ListChangeLines.of(p.leaves(), user));
        out.add(Feedback.translate("delete.othersKeep"));
        return out;
    }

    void open(App app, String user, Runnable after) {
        if (app == null || user == null || user.isBlank()) {
            Feedback.error(Feedback.translate("lookup.pickFirst"));
            return;
        }
        Feedback.call(() -> audited.preview(account.actor(), app, user, null, "CLEAR_ALL",
                () -> deletions.previewClearAll(app, user))).ifPresent(p -> new DeletionDialog(
                Feedback.translate("clearAll.title", user),
                lines(p, user),
                false,
                reason -> {
                    Feedback.call(() -> audited.oneWayClearAll(account.actor(), app, user, reason)).ifPresent(d -> {
                        new UndoOffer(audited, account).confirmDone(app, user, d, Feedback.translate("clearAll.done", user), after);
                        after.run();
                    });
                }).open());
    }
}
