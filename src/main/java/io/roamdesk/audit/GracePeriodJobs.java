package io.roamdesk.audit;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.Job;
import io.roamdesk.core.JobRepository;
import io.roamdesk.core.TransientRetry;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ForAllDeletion;
import io.roamdesk.roaming.GraceService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After its grace period a delete-for-all is purged for good by a durable job (the same lease and
 * checkpoint as {@link DeletionJobs}): the job row, the deletion's move to PURGING and the audit
 * event "STARTED" commit together; each batch of physically deleted messages commits with the
 * checkpoint; the end commits with the audit event PURGE_DELETED_FOR_ALL and the count. Within the
 * grace period an administrator restores the messages instead ({@link #restore}).
 */
@Service
public class GracePeriodJobs {

    public static final AuditAction PURGE = AuditAction.PURGE_DELETED_FOR_ALL;
    public static final AuditAction RESTORE = AuditAction.RESTORE_DELETED_FOR_ALL;
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Actor SYSTEM = new Actor("roamdesk", "SYSTEM");

    private static final Logger log = LoggerFactory.getLogger(GracePeriodJobs.class);

    private final JobRepository jobs;
    private final GraceService grace;
    private final AuditTrail trail;
    private final AppService apps;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String instance = UUID.randomUUID().toString();
    int batchSize = 5_000;
    /** Hears the running count after each committed batch (tests stop an instance here). */
    LongConsumer afterBatch = n -> { };

    GracePeriodJobs(JobRepository jobs, GraceService grace, AuditTrail trail, AppService apps, IdGenerator ids, Clock clock,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.grace = grace;
        this.trail = trail;
        this.apps = apps;
        this.ids = ids;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Purges one deletion whose grace period is over, on this thread; answers how many messages (-1: not due). */
    public long purge(App app, String convKey, long deletionId, LongConsumer progress) {
        long jobId = ids.nextId();
        long now = clock.millis();
        Optional<Job> started = TransientRetry.run(() -> tx.execute(s -> grace.startPurge(app.appId(), convKey, deletionId, jobId)
                .map(range -> {
                    ForAllDeletion d = range.deletion();
                    Job job = new Job(jobId, app.appId(), PURGE.name(), d.owner(), d.chatType().wire(), d.convId(), d.boundaryId(),
                            range.after(), 0, Job.State.RUNNING, SYSTEM.name(), SYSTEM.role(), "deletion:" + deletionId,
                            instance, now + LEASE.toMillis(), now, now);
                    jobs.insert(job);
                    trail.record(SYSTEM, PURGE, app.appId(), d.owner(), d.chatType().wire() + ":" + d.convId(),
                            Map.of("job", Long.toString(jobId), "deletion", Long.toString(deletionId)), AuditOutcome.STARTED, null);
                    return job;
                })));
        if (started.isEmpty()) {
            return -1;
        }
        try {
            return run(started.get(), app, progress);
        } catch (RuntimeException e) {
            log.warn("Purge job {} interrupted: {}", jobId, e.toString());
            throw e;
        }
    }

    /** Resumes interrupted purges, then purges every deletion whose grace period is over. */
    @Scheduled(fixedDelayString = "${roamdesk.jobs.purge-every:60s}", initialDelayString = "${roamdesk.jobs.resume-after:10s}")
    public void purgeDue() {
        try {
            resumeInterrupted();
            for (ForAllDeletion d : grace.due(20)) {
                // the delete-for-all itself must be done (an interrupted one is resumed by DeletionJobs first)
                if (jobs.find(d.deletionId()).map(j -> j.state() == Job.State.COMPLETED).orElse(true)) {
                    purge(apps.byId(d.appId()).orElseThrow(), d.convKey(), d.deletionId(), n -> { });
                }
            }
        } catch (RuntimeException e) {
            log.warn("Purging deleted-for-all messages stopped for now: {}", e.toString());
        }
    }

    /** Resumes purge jobs whose instance stopped before they were done. */
    public void resumeInterrupted() {
        Optional<Job> next;
        while ((next = claim()).isPresent()) {
            Job job = next.get();
            log.info("Resuming purge job {} from message id {} ({} purged so far)", job.jobId(), job.checkpointId(),
                    job.processed());
            run(job, apps.byId(job.appId()).orElseThrow(), n -> { });
        }
    }

    private Optional<Job> claim() {
        long now = clock.millis();
        return jobs.claimInterrupted(PURGE.name(), instance, now, now + LEASE.toMillis());
    }

    private long run(Job job, App app, LongConsumer progress) {
        String convKey = new ConversationRef(job.owner(), ChatType.parse(job.chatType()), job.convId()).convKey();
        long deletionId = Long.parseLong(job.reason().substring("deletion:".length()));
        long after = job.checkpointId();
        long total = job.processed();
        while (true) {
            long from = after;
            long sofar = total;
            Optional<GraceService.Batch> batch = TransientRetry.run(() -> tx.execute(s -> {
                var done = grace.purgeBatch(app.appId(), convKey, from, job.boundaryId(), batchSize);
                done.ifPresent(b -> requireLease(jobs.advance(job.jobId(), instance, b.upTo(), sofar + b.changed(),
                        clock.millis(), clock.millis() + LEASE.toMillis()), job));
                return done;
            }));
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get().upTo();
            total += batch.get().changed();
            progress.accept(total);
            afterBatch.accept(total);
        }
        long purged = total;
        TransientRetry.run(() -> tx.execute(s -> {
            grace.finishPurge(app.appId(), convKey, deletionId, purged);
            requireLease(jobs.complete(job.jobId(), instance, clock.millis()), job);
            trail.record(SYSTEM, PURGE, app.appId(), job.owner(), job.chatType() + ":" + job.convId(),
                    Map.of("job", Long.toString(job.jobId()), "deletion", Long.toString(deletionId), "messages", purged),
                    AuditOutcome.SUCCESS, null);
            return null;
        }));
        return purged;
    }

    /**
     * Restores a delete-for-all within its grace period, in batches (each its own transaction; an
     * interrupted restore is finished by restoring again); the end commits with the audit event.
     */
    long restore(Actor actor, App app, String convKey, long deletionId, String reason) {
        // the delete-for-all would go on marking (and hide the conversation again) after the restore
        if (jobs.find(deletionId).map(j -> j.state() != Job.State.COMPLETED).orElse(false)) {
            throw new io.roamdesk.core.RoamdeskException(io.roamdesk.core.ErrorKind.CONFLICT, "still_deleting",
                    "deletion " + deletionId + " is still running; restore it once it is done");
        }
        GraceService.Range range = TransientRetry.run(() -> tx.execute(s -> grace.startRestore(app, convKey, deletionId)));
        ForAllDeletion d = range.deletion();
        long after = range.after();
        long total = 0;
        while (true) {
            long from = after;
            Optional<GraceService.Batch> batch = TransientRetry.run(() -> tx.execute(s ->
                    grace.restoreBatch(app, convKey, from, d.boundaryId(), batchSize)));
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get().upTo();
            total += batch.get().changed();
        }
        long restored = total;
        TransientRetry.run(() -> tx.execute(s -> {
            grace.finishRestore(app, d, actor.name());
            trail.record(actor, RESTORE, app.appId(), d.owner(), d.chatType().wire() + ":" + d.convId(),
                    Map.of("deletion", Long.toString(deletionId), "messages", restored), AuditOutcome.SUCCESS, reason);
            return null;
        }));
        return restored;
    }

    private static void requireLease(boolean held, Job job) {
        if (!held) {
            throw new IllegalStateException("job " + job.jobId() + " was taken over by another instance");
        }
    }
}
