package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.ForAllDeletionRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grace period of delete-for-all: each one is recorded when it starts; until its grace period
 * ends an administrator may restore its messages, after it a purge deletes them for good. The
 * steps run in their callers' transactions (durable jobs in {@code audit.GracePeriodJobs}).
 */
@Service
public class GraceService {

    private final ForAllDeletionRepository repo;
    private final LatestVisible latest;
    private final UnreadCounterRepository counters;
    private final DeletionService deletions;
    private final Clock clock;

    GraceService(ForAllDeletionRepository repo, LatestVisible latest, DeletionService deletions, Clock clock,
            UnreadCounterRepository counters) {
        this.counters = counters;
        this.repo = repo;
        this.latest = latest;
        this.deletions = deletions;
        this.clock = clock;
    }

    /** Where a purge or restore starts (exclusive) and the deletion it works on. */
    public record Range(ForAllDeletion deletion, long after) {
    }

    /** One batch: the last id it covered and how many messages it changed. */
    public record Batch(long upTo, int changed) {
    }

    /**
     * Records a delete-for-all as it starts, in the job's transaction. An {@code erasure} also ends
     * the grace period of every earlier deletion of the conversation still in grace (their older
     * messages are purged on the next pass and can no longer be restored): the request covers all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(App app, ConversationRef ref, long deletionId, long boundary, boolean purgeAtOnce, boolean erasure) {
        long now = clock.millis();
        if (erasure) {
            repo.endGraceBefore(app.appId(), ref.convKey(), deletionId, now);
        }
        repo.insert(app.appId(), ref, deletionId, boundary, now,
                purgeAtOnce ? now : now + app.settings().deleteGraceHours() * 3_600_000L);
    }

    @Transactional(readOnly = true)
    public List<ForAllDeletion> ofOwner(App app, String owner, int limit) {
        return repo.ofOwner(app.appId(), Usernames.normalize(owner, "username"), limit).stream()
                .map(GraceService::of).toList();
    }

    @Transactional(readOnly = true)
    public List<ForAllDeletion> due(int limit) {
        return repo.due(clock.millis(), limit).stream().map(GraceService::of).toList();
    }

    /** Takes a deletion whose grace period is over for purging; empty if it is not (any more) in grace. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Range> startPurge(long appId, String convKey, long deletionId, long jobId) {
        var r = repo.lock(appId, convKey, deletionId);
        if (r.isEmpty() || !ForAllDeletion.State.GRACE.name().equals(r.get().getState())
                || r.get().getPurgeAfter() > clock.millis()) {
            return Optional.empty();
        }
        repo.move(appId, convKey, deletionId, ForAllDeletion.State.GRACE, ForAllDeletion.State.PURGING);
        repo.purging(appId, convKey, deletionId, jobId);
        return Optional.of(new Range(of(r.get()), repo.lowerBound(appId, convKey, deletionId)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Batch> purgeBatch(long appId, String convKey, long after, long upTo, int batch) {
        List<Long> ids = repo.nextMarked(appId, convKey, after, upTo, batch);
        return ids.isEmpty() ? Optional.empty()
                : Optional.of(new Batch(ids.get(ids.size() - 1), repo.purge(appId, convKey, ids)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void finishPurge(long appId, String convKey, long deletionId, long purged) {
        repo.purged(appId, convKey, deletionId, clock.millis(), purged);
    }

    /** Starts (or resumes) a restore; refused once the grace period is over or the messages are gone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Range startRestore(App app, String convKey, long deletionId) {
        ForAllDeletion d = repo.lock(app.appId(), convKey, deletionId).map(GraceService::of)
                .orElseThrow(() -> new RoamdeskException(ErrorKind.NOT_FOUND, "deletion_not_found",
                        "no deletion for everyone " + deletionId + " in this conversation"));
        if (d.state() != ForAllDeletion.State.GRACE && d.state() != ForAllDeletion.State.RESTORING) {
            throw new RoamdeskException(ErrorKind.CONFLICT, "not_restorable",
                    "deletion " + deletionId + " is " + d.state().name().toLowerCase() + ", it cannot be restored");
        }
        // an interrupted restore is finished whatever the time: half-restored messages would be neither
        // restorable nor purged
        if (d.state() == ForAllDeletion.State.GRACE && !d.restorable(clock.millis())) {
            throw RoamdeskException.badRequest("the grace period of deletion " + deletionId + " is over");
        }
        repo.move(app.appId(), convKey, deletionId, d.state(), ForAllDeletion.State.RESTORING);
        return new Range(d, repo.lowerBound(app.appId(), convKey, deletionId));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Batch> restoreBatch(App app, String convKey, long after, long upTo, int batch) {
        List<Long> ids = repo.nextMarked(app.appId(), convKey, after, upTo, batch);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Batch b = new Batch(ids.get(ids.size() - 1), repo.restore(app.appId(), convKey, ids));
        counters.forget(app.appId(), deletions.rowsOf(app, convKey)); // restored messages may be unread again
        return Optional.of(b);
    }

    /** Every participant's row shows its latest visible message again; the conversation is back in the owner's list. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finishRestore(App app, ForAllDeletion d, String by) {
        List<ConversationRef> rows = deletions.participantRows(app, d.ref()).stream()
                .sorted(ConversationUpdateRepository.LOCK_ORDER).toList();
        for (ConversationRef row : rows) {
            latest.lock(app, row).ifPresent(c -> latest.recompute(app, row, c.getClearedBeforeMsgId(), Long.MAX_VALUE));
        }
        latest.show(app, d.ref());
        repo.restored(app.appId(), d.convKey(), d.deletionId(), clock.millis(), by);
    }

    private static ForAllDeletion of(ForAllDeletionRecord r) {
        ChatType type = ChatType.parse(r.getChatType());
        return new ForAllDeletion(r.getAppId(), r.getDeletionId(), r.getOwner(), type, r.getConvId(), r.getConvKey(),
                r.getBoundaryId(), r.getDeletedAt(), r.getPurgeAfter(), ForAllDeletion.State.valueOf(r.getState()),
                r.getRestoredAt(), r.getRestoredBy(), r.getPurgedAt(), r.getPurged());
    }
}
