package io.roamdesk.roaming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.Setting;
import io.roamdesk.core.TransientRetry;
import io.roamdesk.jooq.tables.records.DeletionLogRecord;
import io.roamdesk.jooq.tables.records.DeletionWatermarkRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the undo data of one-way deletions that no undo can reach any more (docs/roaming.md, "Undo"):
 * what a delete by ids asked for, and the watermarks a delete by time or a clear-all set. Past the
 * longest undo window the setting allows, a deletion is permanent whatever the app's window becomes,
 * so nothing visible changes: its hidden marks stay, and its watermarks are folded into the base the
 * conversation's younger deletions fall back to when they are undone. The log row stays, marked.
 */
@Service
public class UndoDataPrune {

    /** The longest undo window, and an hour more for instances whose clocks disagree. */
    public static final Duration KEPT = Duration.ofMinutes(Setting.UNDO_WINDOW.max()).plusHours(1);
    static final int BATCH = 100;

    private static final Logger logger = LoggerFactory.getLogger(UndoDataPrune.class);

    private final AppService apps;
    private final DeletionLogRepository log;
    private final WatermarkLogRepository marks;
    private final LatestVisible latest;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Counter pruned;

    UndoDataPrune(AppService apps, DeletionLogRepository log, WatermarkLogRepository marks, LatestVisible latest,
            Clock clock, PlatformTransactionManager transactions, MeterRegistry registry) {
        this.apps = apps;
        this.log = log;
        this.marks = marks;
        this.latest = latest;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.pruned = Counter.builder("roamdesk.undo.pruned.deletions")
                .description("One-way deletions whose undo data was dropped once no undo window could reach them")
                .register(registry);
    }

    /** Every app, one after the other; an app that fails now is taken up again by the next pass. */
    public void pruneAll() {
        List<App> all;
        try {
            all = apps.listApps();
        } catch (RuntimeException e) {
            logger.warn("Undo data prune could not list the apps now: {}", e.toString());
            return;
        }
        for (App app : all) {
            try {
                int n = prune(app, clock.millis());
                if (n > 0) {
                    logger.info("Dropped the undo data of {} one-way deletions of app {}", n, app.key());
                }
            } catch (RuntimeException e) {
                logger.warn("Undo data prune of app {} stopped; the next pass goes on: {}", app.key(), e.toString());
            }
        }
    }

    /** Prunes the app's deletions made more than {@link #KEPT} before {@code now}; how many it pruned. */
    public int prune(App app, long now) {
        long cutoff = now - KEPT.toMillis();
        int done = 0;
        List<DeletionLogRecord> batch;
        do {
            batch = log.unprunedBefore(app.appId(), cutoff, BATCH);
            for (DeletionLogRecord r : batch) {
                // one short transaction per deletion: a clear-all locks every conversation it set
                if (Boolean.TRUE.equals(TransientRetry.run(() -> tx.execute(s -> pruneOne(app, r, now))))) {
                    done++;
                    pruned.increment();
                }
            }
        } while (batch.size() == BATCH);
        return done;
    }

    private boolean pruneOne(App app, DeletionLogRecord found, long now) {
        var r = log.lock(app.appId(), found.getOwner(), found.getDeletionId());
        if (r.isEmpty() || r.get().getUndoPrunedAt() != null) {
            return false;
        }
        long id = found.getDeletionId();
        if (found.getConvKey() != null && DeletionEntry.Kind.IDS.name().equals(found.getKind())) {
            log.forgetAsked(app.appId(), found.getConvKey(), found.getOwner(), id);
        } else {
            marks.conversationsOf(app.appId(), found.getOwner(), id).forEach(ref -> fold(app, ref, id));
        }
        return log.markPruned(app.appId(), found.getOwner(), id, now);
    }

    /**
     * The conversation's watermarks of this deletion and older ones leave the log; the highest of them
     * (and the old base) becomes the base of the oldest row that stays, as an undo of the oldest does.
     */
    private void fold(App app, ConversationRef ref, long deletionId) {
        latest.lock(app, ref); // the same order as an undo: the owner's row, then its logged watermarks
        List<DeletionWatermarkRecord> all = marks.marksFor(app.appId(), ref);
        if (all.isEmpty()) {
            return;
        }
        long base = all.get(0).getPrevWatermark();
        DeletionWatermarkRecord next = null;
        for (DeletionWatermarkRecord m : all) {
            if (m.getDeletionId() <= deletionId) {
                base = Math.max(base, m.getWatermark());
            } else if (next == null) {
                next = m;
            }
        }
        if (next != null) {
            marks.setPrevious(app.appId(), ref, next.getDeletionId(), base);
        }
        marks.forgetUpTo(app.appId(), ref, deletionId);
    }
}
