package io.roamdesk.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The purge for the people on call: messages purged (a counter), runs by outcome, and the
 * running run's progress (gauges: messages and conversations so far, 0 when none runs).
 */
@Component
class RetentionMetrics {

    private final Counter purged;
    private final Counter completed;
    private final Counter interrupted;
    private final AtomicLong runningMessages = new AtomicLong();
    private final AtomicLong runningConversations = new AtomicLong();

    RetentionMetrics(MeterRegistry registry) {
        purged = Counter.builder("roamdesk.retention.purged.messages")
                .description("Messages deleted by the retention purge because they were older than their app keeps them")
                .register(registry);
        completed = Counter.builder("roamdesk.retention.runs").tag("outcome", "completed")
                .description("Retention purge runs, by outcome").register(registry);
        interrupted = Counter.builder("roamdesk.retention.runs").tag("outcome", "interrupted")
                .description("Retention purge runs, by outcome").register(registry);
        Gauge.builder("roamdesk.retention.progress.messages", runningMessages, AtomicLong::get)
                .description("Messages the running purge run has deleted so far").register(registry);
        Gauge.builder("roamdesk.retention.progress.conversations", runningConversations, AtomicLong::get)
                .description("Conversations the running purge run has finished so far").register(registry);
    }

    void batch(int messages, long runMessages, long runConversations) {
        purged.increment(messages);
        runningMessages.set(runMessages);
        runningConversations.set(runConversations);
    }

    void completed() {
        completed.increment();
        runningMessages.set(0);
        runningConversations.set(0);
    }

    void interrupted() {
        interrupted.increment();
    }
}
