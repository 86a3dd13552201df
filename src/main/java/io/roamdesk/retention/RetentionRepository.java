package io.roamdesk.retention;

import static io.roamdesk.jooq.Tables.JOB;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.jooq.impl.DSL.min;

import io.roamdesk.core.Job;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The purge's statements. Every message statement is bounded by app + conversation key (the
 * message shard key); the walk from one conversation to the next is a single index seek on the
 * primary key's prefix. Job rows are the shared {@code job} table with this purge's own
 * checkpoint (the conversation key it finished last).
 */
@Repository
class RetentionRepository {

    private final DSLContext db;

    RetentionRepository(DSLContext db) {
        this.db = db;
    }

    /** The next conversation key of the app after {@code after} ("" = the first), if any. */
    Optional<String> nextConversation(long appId, String after) {
        return Optional.ofNullable(db.select(min(MESSAGE.CONV_KEY)).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.gt(after))
                .fetchOne(0, String.class));
    }

    /** The oldest (at most {@code limit}) message ids of the conversation below {@code boundary}. */
    List<Long> idsBelow(long appId, String convKey, long boundary, int limit) {
        return db.select(MESSAGE.MSG_ID).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.lt(boundary))
                .orderBy(MESSAGE.MSG_ID).limit(limit)
                .fetch(MESSAGE.MSG_ID);
    }

    /** Deletes the conversation's messages up to {@code upTo} and the one-way marks on them. */
    int deleteUpTo(long appId, String convKey, long upTo) {
        db.deleteFrom(MESSAGE_HIDDEN)
                .where(MESSAGE_HIDDEN.APP_ID.eq(appId)).and(MESSAGE_HIDDEN.CONV_KEY.eq(convKey))
                .and(MESSAGE_HIDDEN.MSG_ID.le(upTo))
                .execute();
        return db.deleteFrom(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.le(upTo))
                .execute();
    }

    /** The app's purge job that has not finished, if any (running, or interrupted). */
    Optional<Job> unfinished(long appId, String kind) {
        Long id = db.select(JOB.JOB_ID).from(JOB)
                .where(JOB.APP_ID.eq(appId)).and(JOB.KIND.eq(kind)).and(JOB.STATE.eq(Job.State.RUNNING.name()))
                .orderBy(JOB.JOB_ID.desc()).limit(1)
                .fetchOne(JOB.JOB_ID);
        return Optional.ofNullable(id).map(Long::longValue).flatMap(this::job);
    }

    Optional<Job> job(long jobId) {
        return db.selectFrom(JOB).where(JOB.JOB_ID.eq(jobId)).fetchOptional(r -> new Job(r.getJobId(), r.getAppId(),
                r.getKind(), r.getOwner(), r.getChatType(), r.getConvId(), r.getBoundaryId(), r.getCheckpointId(),
                r.getProcessed(), Job.State.valueOf(r.getState()), r.getActor(), r.getActorRole(), r.getReason(),
                r.getLeaseOwner(), r.getLeaseUntil(), r.getCreatedAt(), r.getUpdatedAt()));
    }

    /** Where the job got to: the last conversation key it finished ("" = none yet). */
    String checkpointKey(long jobId) {
        String key = db.select(JOB.CHECKPOINT_KEY).from(JOB).where(JOB.JOB_ID.eq(jobId)).fetchOne(JOB.CHECKPOINT_KEY);
        return key == null ? "" : key;
    }

    /** Takes over an interrupted job (its lease ran out); false when another instance was first. */
    boolean claim(long jobId, String leaseOwner, long now, long leaseUntil) {
        return db.update(JOB).set(JOB.LEASE_OWNER, leaseOwner).set(JOB.LEASE_UNTIL, leaseUntil)
                .where(JOB.JOB_ID.eq(jobId)).and(JOB.STATE.eq(Job.State.RUNNING.name())).and(JOB.LEASE_UNTIL.lt(now))
                .execute() == 1;
    }

    /**
     * Records progress: messages deleted so far ({@code processed}), conversations finished
     * ({@code conversations}, kept in checkpoint_id) and, when one was finished, its key.
     */
    boolean advance(long jobId, String leaseOwner, @Nullable String finishedKey, long conversations, long processed,
            long now, long leaseUntil) {
        var update = db.update(JOB)
                .set(JOB.PROCESSED, processed)
                .set(JOB.CHECKPOINT_ID, conversations)
                .set(JOB.UPDATED_AT, now)
                .set(JOB.LEASE_UNTIL, leaseUntil);
        if (finishedKey != null) {
            update = update.set(JOB.CHECKPOINT_KEY, finishedKey);
        }
        return update.where(JOB.JOB_ID.eq(jobId)).and(JOB.LEASE_OWNER.eq(leaseOwner))
                .and(JOB.STATE.eq(Job.State.RUNNING.name()))
                .execute() == 1;
    }

    /** The newest finished runs of the app (for the console's "last purge"). */
    List<Job> finished(long appId, String kind, int limit) {
        return db.select(JOB.JOB_ID).from(JOB)
                .where(JOB.APP_ID.eq(appId)).and(JOB.KIND.eq(kind)).and(JOB.STATE.eq(Job.State.COMPLETED.name()))
                .orderBy(JOB.JOB_ID.desc()).limit(limit)
                .fetch(JOB.JOB_ID).stream().map(id -> job(id).orElseThrow()).toList();
    }
}
