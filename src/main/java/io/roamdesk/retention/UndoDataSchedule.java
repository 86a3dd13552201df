package io.roamdesk.retention;

import io.roamdesk.roaming.UndoDataPrune;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The undo data prune's schedule: one instance at a time (ShedLock's lock row {@value #LOCK}); a pass
 * is idempotent, so one cut short is finished by the next.
 */
@Component
class UndoDataSchedule {

    static final String LOCK = "undo-data-prune";

    private final UndoDataPrune prune;

    UndoDataSchedule(UndoDataPrune prune) {
        this.prune = prune;
    }

    @Scheduled(fixedDelayString = "${roamdesk.undo.prune-every:1h}",
            initialDelayString = "${roamdesk.undo.prune-after:7m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT6H")
    public void pass() {
        prune.pruneAll();
    }
}
