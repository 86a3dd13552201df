package io.roamdesk.retention;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The purge's schedule: every instance has it, and ShedLock's lock row lets one instance at a time
 * run a pass (the others skip theirs). The lock is released when the pass ends and runs out after
 * six hours if its instance dies; a pass that outlives it is still alone per app (the job lease).
 */
@Component
class RetentionSchedule {

    static final String LOCK = "retention-purge";

    private final RetentionPurge purge;

    RetentionSchedule(RetentionPurge purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelayString = "${roamdesk.retention.purge-every:1h}",
            initialDelayString = "${roamdesk.retention.purge-after:5m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT6H")
    public void pass() {
        purge.purgeAll();
    }
}
