package io.roamdesk.console.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.roamdesk.core.DatabaseOutage;
import io.roamdesk.core.RoamdeskException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Runs a service call for a view and turns refusals and failures into clear notifications (never a
 * stack trace): the service's own words for refusals, a plain sentence for the database being away.
 */
public final class Feedback {

    private static final Logger log = LoggerFactory.getLogger(Feedback.class);

    private Feedback() {
    }

    public static <T> Optional<T> call(Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (RoamdeskException e) {
            error(RefusalTexts.of(e));
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            log.warn("Database error in the console: {}", e.getMessage());
            error(translate(DatabaseOutage.is(e) ? "error.database" : "error.unexpected"));
        }
        return Optional.empty();
    }

    public static boolean run(Runnable action) {
        return call(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.setId("success-notification");
    }

    public static String translate(String key, Object... params) {
        UI ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key, params);
    }
}
