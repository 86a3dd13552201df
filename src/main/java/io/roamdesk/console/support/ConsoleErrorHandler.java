package io.roamdesk.console.support;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.roamdesk.core.RoamdeskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.roamdesk.core.DatabaseOutage;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** Last line of defence: anything a view did not catch is logged and shown as a message. */
@Component
class ConsoleErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(s -> s.getSession().setErrorHandler(handler()));
    }

    private static ErrorHandler handler() {
        return (ErrorEvent e) -> {
            Throwable t = e.getThrowable();
            while (t.getCause() != null && !(t instanceof RoamdeskException) && !(t instanceof DataAccessException)) {
                t = t.getCause();
            }
            if (t instanceof RoamdeskException r) {
                Feedback.error(RefusalTexts.of(r));
            } else if (DatabaseOutage.is(e.getThrowable())) {
                log.warn("Database error in the console: {}", t.getMessage());
                Feedback.error(Feedback.translate("error.database"));
            } else {
                log.error("Unexpected console error", e.getThrowable());
                Feedback.error(Feedback.translate("error.unexpected"));
            }
        };
    }
}
