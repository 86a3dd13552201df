package io.roamdesk.core;

import static io.roamdesk.jooq.Tables.JOB;

import io.roamdesk.jooq.tables.records.JobRecord;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The job table. Every write of a running job is conditional on holding its lease. */
@Repository
public class JobRepository {

    private final org.jooq.DSLContext db;

    JobRepository(org.jooq.DSLContext db) {
        this.db = db;
    }

    public void insert(Job j) {
        JobRecord r = db.newRecord(JOB);
        r.setJobId(j.jobId());
        r.setAppId(j.appId());
        r.setKind(j.kind());
        r.setOwner(j.owner());
        r.setChatType(j.chatType());
        r.setConvId(j.convId());
        r.setBoundaryId(j.boundaryId());
        r.setCheckpointId(j.checkpointId());
        r.setProcessed(j.processed());
        r.setState(j.state().name());
        r.setActor(j.actor());
        r.setActorRole(j.actorRole());
        r.setReason(j.reason());
        r.setLeaseOwner(j.leaseOwner());
        r.setLeaseUntil(j.leaseUntil());
        r.setCreatedAt(j.createdAt());
        r.setUpdatedAt(j.updatedAt());
        r.insert();
    }

    /** Records a finished batch; false when this instance no longer holds the lease. */
    public boolean advance(long jobId, String leaseOwner, long checkpointId, long processed, long now, long leaseUntil) {
        return db.update(JOB)
                .set(JOB.CHECKPOINT_ID, checkpointId)
                .set(JOB.PROCESSED, processed)
                .set(JOB.UPDATED_AT, now)
                .set(JOB.LEASE_UNTIL, leaseUntil)
                .where(JOB.JOB_ID.eq(jobId)).and(JOB.LEASE_OWNER.eq(leaseOwner))
                .and(JOB.STATE.eq(Job.State.RUNNING.name()))
                .execute() == 1;
    }

    public boolean complete(long jobId, String leaseOwner, long now) {
        return db.update(JOB)
                .set(JOB.STATE, Job.State.COMPLETED.name())
                .set(JOB.UPDATED_AT, now)
                .where(JOB.JOB_ID.eq(jobId)).and(JOB.LEASE_OWNER.eq(leaseOwner))
                .and(JOB.STATE.eq(Job.State.RUNNING.name()))
                .execute() == 1;
    }

    /** Lets another pass (or instance) take the job at once. */
    public void release(long jobId, String leaseOwner, long now) {
        db.update(JOB).set(JOB.LEASE_UNTIL, now - 1)
                .where(JOB.JOB_ID.eq(jobId)).and(JOB.LEASE_OWNER.eq(leaseOwner))
                .and(JOB.STATE.eq(Job.State.RUNNING.name()))
                .execute();
    }

    /** Takes the lease of one interrupted job, if there is one (one instance wins each job). */
    public Optional<Job> claimInterrupted(String leaseOwner, long now, long leaseUntil) {
        return claimInterrupted(null, leaseOwner, now, leaseUntil);
    }

    /** The same for jobs of one kind only (each kind is resumed by its own runner). */
    public Optional<Job> claimInterrupted(@org.jspecify.annotations.Nullable String kind, String leaseOwner, long now,
            long leaseUntil) {
        List<Long> candidates = db.select(JOB.JOB_ID).from(JOB)
                .where(JOB.STATE.eq(Job.State.RUNNING.name())).and(JOB.LEASE_UNTIL.lt(now))
                .and(kind == null ? org.jooq.impl.DSL.noCondition() : JOB.KIND.eq(kind))
                .orderBy(JOB.LEASE_UNTIL).limit(10).fetch(JOB.JOB_ID);
        for (long id : candidates) {
            int taken = db.update(JOB)
                    .set(JOB.LEASE_OWNER, leaseOwner)
                    .set(JOB.LEASE_UNTIL, leaseUntil)
                    .where(JOB.JOB_ID.eq(id)).and(JOB.STATE.eq(Job.State.RUNNING.name()))
                    .and(JOB.LEASE_UNTIL.lt(now))
                    .execute();
            if (taken == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    public Optional<Job> find(long jobId) {
        return db.selectFrom(JOB).where(JOB.JOB_ID.eq(jobId)).fetchOptional(JobRepository::of);
    }

    /** Running and interrupted jobs, newest first (for the console). */
    public List<Job> unfinished(int limit) {
        return db.selectFrom(JOB).where(JOB.STATE.eq(Job.State.RUNNING.name()))
                .orderBy(JOB.JOB_ID.desc()).limit(limit).fetch(JobRepository::of);
    }

    private static Job of(JobRecord r) {
        return new Job(r.getJobId(), r.getAppId(), r.getKind(), r.getOwner(), r.getChatType(), r.getConvId(),
                r.getBoundaryId(), r.getCheckpointId(), r.getProcessed(), Job.State.valueOf(r.getState()),
                r.getActor(), r.getActorRole(), r.getReason(), r.getLeaseOwner(), r.getLeaseUntil(),
                r.getCreatedAt(), r.getUpdatedAt());
    }
}
