package io.roamdesk.console.deletion;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.core.RoamdeskException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.stereotype.Component;

/**
 * Runs a long deletion off the request thread with a progress dialog; the UI polls for updates,
 * so the console stays usable and no push channel is needed. The work runs on Spring Boot's
 * application task executor: a bounded pool the application shuts down with itself, not the
 * JVM-wide common pool.
 */
@Component
public class BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTask.class);

    private final Executor executor;

    BackgroundTask(@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor executor) {
        this.executor = executor;
    }

    /** {@code work} gets a progress listener (items done) and answers the number of items done. */
    public void run(String title, long expected, ToLongFunction<LongConsumer> work, LongConsumer done) {
        UI ui = UI.getCurrent();
        Dialog dialog = new Dialog();
        dialog.setId("progress-dialog");
        dialog.setHeaderTitle(title);
        ProgressBar bar = new ProgressBar(0, Math.max(1, expected));
        bar.setId("progress-bar");
        Span count = new Span("0 / " + expected);
        count.setId("progress-count");
        dialog.add(bar, count);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("420px");
        dialog.open();
        ui.setPollInterval(300);
        CompletableFuture.supplyAsync(() -> work.applyAsLong(n -> ui.access(() -> {
            bar.setValue(Math.min(n, bar.getMax()));
            count.setText(n + " / " + expected);
        })), executor).whenComplete((result, failure) -> ui.access(() -> {
            ui.setPollInterval(-1);
            dialog.close();
            if (failure == null) {
                done.accept(result);
            } else if (failure.getCause() instanceof RoamdeskException r) {
                Feedback.error(io.roamdesk.console.support.RefusalTexts.of(r));
            } else {
                log.error("Background deletion failed", failure);
                Feedback.error(ui.getTranslation("error.unexpected"));
            }
        }));
    }
}
