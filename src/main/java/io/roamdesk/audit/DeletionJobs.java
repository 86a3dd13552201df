package io.roamdesk.audit;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.core.AutoCommit;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.Job;
import io.roamdesk.core.JobRepository;
import io.roamdesk.core.TransientRetry;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.DeletionService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delete-for-all as a durable job. The job row and the audit event "STARTED" commit together
 * before the first batch; each batch and the job's checkpoint commit together; the last step, the
 * job's completion and the audit event with the total commit together. An instance that dies
 * mid-way stops renewing the lease, and any instance resumes the job from its checkpoint.
 */
@Service
public class DeletionJobs {

    public static final AuditAction ACTION = AuditAction.DELETE_CONVERSATION_FOR_ALL;
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(DeletionJobs.class);

    private final JobRepository jobs;
    private final DeletionService deletions;
    private final AuditTrail trail;
    private final AppService apps;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final io.roamdesk.roaming.GraceService grace;
    private final GracePeriodJobs purges;
    private final String instance = UUID.randomUUID().toString();
    int batchSize = 5_000;

    DeletionJobs(JobRepository jobs, DeletionService deletions, AuditTrail trail, AppService apps, IdGenerator ids,
            Clock clock, PlatformTransactionManager transactions, io.roamdesk.roaming.GraceService grace,
            GracePeriodJobs purges) {
        this.grace = grace;
        this.purges = purges;
        this.jobs = jobs;
        this.deletions = deletions;
        this.trail = trail;
        this.apps = apps;
        this.ids = ids;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Starts the job and runs it to the end on this thread; answers how many messages it deleted. */
    public long deleteForAll(Actor actor, App app, ConversationRef ref, @Nullable String reason, LongConsumer progress) {
        return deleteForAll(actor, app, ref, reason, false, progress);
    }

    /**
     * The same; the messages stay restorable for the app's grace period, unless that is 0 or this is
     * an {@code erasure} request: then they are purged for good as soon as the deletion is done.
     */
    public long deleteForAll(Actor actor, App app, ConversationRef ref, @Nullable String reason, boolean erasure,
            LongConsumer progress) {
        boolean purgeAtOnce = erasure || app.settings().deleteGraceHours() <= 0;
        long boundary = deletions.forAllBoundary(app);
        long now = clock.millis();
        Job job = new Job(ids.nextId(), app.appId(), ACTION.name(), ref.owner(), ref.chatType().wire(), ref.convId(), boundary,
                -1, 0, Job.State.RUNNING, actor.name(), actor.role(), reason, instance, now + LEASE.toMillis(), now, now);
        TransientRetry.run(() -> tx.execute(s -> {
            jobs.insert(job);
            grace.record(app, ref, job.jobId(), boundary, purgeAtOnce, erasure);
            trail.record(actor, ACTION, app.appId(), ref.owner(), AuditedActions.target(ref),
                    Map.of("job", Long.toString(job.jobId()), "up_to_msg_id", Long.toString(boundary), "erasure", erasure),
                    AuditOutcome.STARTED, reason);
            return null;
        }));
        try {
            long deleted = run(job, app, progress);
            if (purgeAtOnce) {
                purges.purge(app, ref.convKey(), job.jobId(), n -> { });
            }
            return deleted;
        } catch (RuntimeException e) {
            // left to be resumed (here or by another instance) once the lease has run out
            log.warn("Delete-for-all job {} interrupted: {}", job.jobId(), e.toString());
            throw e;
        }
    }

    /** Resumes jobs whose instance stopped (crashed, lost the database) before they were done. */
    @Scheduled(fixedDelayString = "${roamdesk.jobs.resume-every:15s}", initialDelayString = "${roamdesk.jobs.resume-after:10s}")
    public void resumeInterrupted() {
        Optional<Job> next;
        while ((next = claim()).isPresent()) {
            Job job = next.get();
            try {
                App app = apps.byId(job.appId()).orElseThrow();
                log.info("Resuming delete-for-all job {} from message id {} ({} deleted so far)", job.jobId(),
                        job.checkpointId(), job.processed());
                run(job, app, n -> { });
            } catch (RuntimeException e) {
                log.warn("Delete-for-all job {} could not be resumed now: {}", job.jobId(), e.toString());
                return;
            }
        }
    }

    /** Running and interrupted jobs, newest first. */
    @AutoCommit
    public List<Job> unfinished() {
        return jobs.unfinished(100);
    }

    private Optional<Job> claim() {
        long now = clock.millis();
        try {
            return jobs.claimInterrupted(ACTION.name(), instance, now, now + LEASE.toMillis());
        } catch (RuntimeException e) {
            // the database is away: the next pass tries again
            log.warn("Could not look for interrupted deletion jobs: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private long run(Job job, App app, LongConsumer progress) {
        ConversationRef ref = new ConversationRef(job.owner(), ChatType.parse(job.chatType()), job.convId());
        long after = job.checkpointId();
        long total = job.processed();
        while (true) {
            long from = after;
            long sofar = total;
            Optional<DeletionService.ForAllBatch> batch = TransientRetry.run(() -> tx.execute(s -> {
                var done = deletions.deleteForAllBatch(app, ref, from, job.boundaryId(), batchSize);
                done.ifPresent(b -> requireLease(jobs.advance(job.jobId(), instance, b.upTo(), sofar + b.deleted(),
                        clock.millis(), clock.millis() + LEASE.toMillis()), job));
                return done;
            }));
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get().upTo();
            total += batch.get().deleted();
            progress.accept(total);
        }
        long deleted = total;
        TransientRetry.run(() -> tx.execute(s -> {
            deletions.finishForAll(app, ref, job.boundaryId());
            requireLease(jobs.complete(job.jobId(), instance, clock.millis()), job);
            trail.record(new Actor(job.actor(), job.actorRole()), ACTION, app.appId(), ref.owner(),
                    AuditedActions.target(ref), Map.of("job", Long.toString(job.jobId()), "messages", deleted), AuditOutcome.SUCCESS,
                    job.reason());
            return null;
        }));
        return deleted;
    }

    private static void requireLease(boolean held, Job job) {
        if (!held) {
            throw new IllegalStateException("job " + job.jobId() + " was taken over by another instance");
        }
    }
}
