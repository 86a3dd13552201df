package io.roamdesk.retention;

import io.roamdesk.core.AutoCommit;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditOutcome;
import io.roamdesk.audit.AuditTrail;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.Job;
import io.roamdesk.core.JobRepository;
import io.roamdesk.core.Snowflake;
import io.roamdesk.core.TransientRetry;
import io.roamdesk.roaming.DeletionService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge: deletes each app's messages older than it keeps them (its
 * {@code retentionDays}; 0 keeps them forever).
 *
 * <p>Two guards keep it to one runner. The schedule ({@link RetentionSchedule}) runs on one instance
 * at a time (ShedLock's lock row {@code retention-purge}); each app's run is a durable job (kind {@value #KIND}) whose lease
 * the runner renews with every batch, so a run started by hand, or a schedule whose lock ran out,
 * never runs beside a live run of the same app. A run walks the app's conversations in key order;
 * each batch (at most {@link #batchSize} messages of one conversation, oldest first) deletes them,
 * their one-way marks, repairs the participants' rows that showed one of them as their latest
 * message (conversation rows and watermarks stay), and advances the job, all in one transaction.
 * A run killed mid-way is resumed from its checkpoint by the next pass of any instance, once its
 * lease has run out. Each run is audited as started (the cut-off) and completed (the counts).
 */
@Service
public class RetentionPurge {

    public static final String KIND = "RETENTION_PURGE";
    public static final AuditAction ACTION = AuditAction.RETENTION_PURGE;
    /** The actor of the purge's audit events and jobs. */
    public static final Actor SYSTEM = new Actor("retention-purge", "SYSTEM");
    static final Duration LEASE = Duration.ofSeconds(60);
    static final long DAY_MS = 86_400_000L;
    /** Conversations with nothing to purge between two checkpoints (a skip writes nothing). */
    static final int SKIPS_PER_CHECKPOINT = 1_000;

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final AppService apps;
    private final JobRepository jobs;
    private final RetentionRepository repo;
    private final DeletionService deletions;
    private final AuditTrail trail;
    private final IdGenerator ids;
    private final Clock clock;
    private final RetentionMetrics metrics;
    private final TransactionTemplate tx;
    private final String instance = UUID.randomUUID().toString();
    int batchSize = 1_000;

    RetentionPurge(AppService apps, JobRepository jobs, RetentionRepository repo, DeletionService deletions,
            AuditTrail trail, IdGenerator ids, Clock clock, RetentionMetrics metrics,
            PlatformTransactionManager transactions) {
        this.apps = apps;
        this.jobs = jobs;
        this.repo = repo;
        this.deletions = deletions;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
        this.tx = new TransactionTemplate(transactions);
        // like ingest: no gap locks, so sends into a conversation being purged are not held up
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** What one run did: the messages it deleted and the conversations they were in. */
    public record Run(long jobId, long belowMsgId, long messages, long conversations) {
    }

    /** Every app that keeps messages for a limited time, one after the other (see {@link RetentionSchedule}). */
    public void purgeAll() {
        List<App> all;
        try {
            all = apps.listApps();
        } catch (RuntimeException e) {
            log.warn("Retention purge could not list the apps now: {}", e.toString());
            return;
        }
        for (App app : all) {
            if (app.enabled() && app.settings().retentionDays() > 0) {
                try {
                    purge(app, clock.millis(), n -> { });
                } catch (RuntimeException e) {
                    log.warn("Retention purge of app {} stopped; the next pass resumes it: {}", app.key(), e.toString());
                }
            }
        }
    }

    /**
     * Purges the app up to {@code now} minus its retention, or resumes its interrupted run; empty
     * when it keeps messages forever or a live run of it is going on elsewhere. {@code progress}
     * hears the run's running total after each batch.
     */
    public Optional<Run> purge(App app, long now, LongConsumer progress) {
        int days = app.settings().retentionDays();
        if (days <= 0) {
            return Optional.empty();
        }
        Optional<Job> open = repo.unfinished(app.appId(), KIND);
        if (open.isPresent()) {
            Job interrupted = open.get();
            if (!interrupted.interrupted(now)
                    || !repo.claim(interrupted.jobId(), instance, now, now + LEASE.toMillis())) {
                return Optional.empty();
            }
            log.info("Resuming retention purge {} of app {} ({} messages so far)", interrupted.jobId(), app.key(),
                    interrupted.processed());
            return Optional.of(run(interrupted, app, progress));
        }
        long cutoff = now - days * DAY_MS;
        if (cutoff <= Snowflake.EPOCH_MS) {
            return Optional.empty(); // older than any message
        }
        long below = Snowflake.firstIdAt(cutoff);
        Job job = new Job(ids.nextId(), app.appId(), KIND, "*", "", "", below, 0, 0, Job.State.RUNNING, SYSTEM.name(),
                SYSTEM.role(), null, instance, now + LEASE.toMillis(), now, now);
        TransientRetry.run(() -> tx.execute(s -> {
            jobs.insert(job);
            trail.record(SYSTEM, ACTION, app.appId(), null, "retention:" + days + "d",
                    Map.of("job", Long.toString(job.jobId()), "days", days, "before", cutoff,
                            "below_msg_id", Long.toString(below)),
                    AuditOutcome.STARTED, null);
            return null;
        }));
        return Optional.of(run(job, app, progress));
    }

    /** Runs and interrupted runs of every app, as jobs (the console's jobs page lists them too). */
    @AutoCommit
    public Optional<Job> unfinished(App app) {
        return repo.unfinished(app.appId(), KIND);
    }

    /** The app's last completed run, if any. */
    @AutoCommit
    public Optional<Job> lastCompleted(App app) {
        return repo.finished(app.appId(), KIND, 1).stream().findFirst();
    }

    private record Batch(int deleted, boolean last) {
    }

    private Run run(Job job, App app, LongConsumer progress) {
        long below = job.boundaryId();
        String after = repo.checkpointKey(job.jobId());
        long messages = job.processed();
        long conversations = job.checkpointId();
        int skipped = 0;
        try {
            Optional<String> next;
            while ((next = repo.nextConversation(app.appId(), after)).isPresent()) {
                String key = next.get();
                after = key;
                if (repo.idsBelow(app.appId(), key, below, 1).isEmpty()) {
                    // nothing old here: no write, a checkpoint now and then
                    if (++skipped >= SKIPS_PER_CHECKPOINT) {
                        skipped = 0;
                        checkpoint(job, key, conversations, messages);
                    }
                    continue;
                }
                skipped = 0;
                boolean last = false;
                while (!last) {
                    long sofar = messages;
                    long convs = conversations;
                    Batch b = TransientRetry.run(() -> tx.execute(s -> batch(job, app, key, sofar, convs)));
                    messages += b.deleted();
                    last = b.last();
                    if (last) {
                        conversations++;
                    }
                    metrics.batch(b.deleted(), messages, conversations);
                    progress.accept(messages);
                }
            }
            long total = messages;
            long convs = conversations;
            TransientRetry.run(() -> tx.execute(s -> {
                requireLease(jobs.complete(job.jobId(), instance, clock.millis()), job);
                trail.record(SYSTEM, ACTION, app.appId(), null, "retention:" + app.settings().retentionDays() + "d",
                        Map.of("job", Long.toString(job.jobId()), "messages", total, "conversations", convs,
                                "below_msg_id", Long.toString(below)),
                        AuditOutcome.SUCCESS, null);
                return null;
            }));
            metrics.completed();
            log.info("Retention purge {} of app {}: {} messages in {} conversations", job.jobId(), app.key(), total, convs);
            return new Run(job.jobId(), below, total, convs);
        } catch (RuntimeException e) {
            // left to be resumed by a later pass (here or elsewhere) once the lease has run out
            metrics.interrupted();
            throw e;
        }
    }

    /** One transaction: the next messages of the conversation, their marks, its rows, the checkpoint. */
    private Batch batch(Job job, App app, String key, long sofar, long conversations) {
        List<Long> old = repo.idsBelow(app.appId(), key, job.boundaryId(), batchSize);
        int deleted = old.isEmpty() ? 0 : repo.deleteUpTo(app.appId(), key, old.get(old.size() - 1));
        if (deleted > 0) {
            deletions.refreshAfterPurge(app, key, old.get(old.size() - 1) + 1);
        }
        boolean last = old.size() < batchSize;
        long now = clock.millis();
        requireLease(repo.advance(job.jobId(), instance, last ? key : null, conversations + (last ? 1 : 0),
                sofar + deleted, now, now + LEASE.toMillis()), job);
        return new Batch(deleted, last);
    }

    private void checkpoint(Job job, String key, long conversations, long messages) {
        long now = clock.millis();
        TransientRetry.run(() -> tx.execute(s -> {
            requireLease(repo.advance(job.jobId(), instance, key, conversations, messages, now, now + LEASE.toMillis()), job);
            return null;
        }));
    }

    private static void requireLease(boolean held, Job job) {
        if (!held) {
            throw new IllegalStateException("retention purge " + job.jobId() + " was taken over by another instance");
        }
    }
}
