package io.roamdesk.core;

import static io.roamdesk.jooq.Tables.WORKER_LEASE;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** {@code worker_lease}: one row per leased snowflake worker id, owned by one running instance. */
@Repository
class WorkerLeaseRepository {

    private final DSLContext db;

    WorkerLeaseRepository(DSLContext db) {
        this.db = db;
    }

    /** Takes a worker id nobody ever leased; answers 1 when taken. */
    int insertIfAbsent(int workerId, String instanceId, long leaseUntil) {
        return db.insertInto(WORKER_LEASE)
                .set(WORKER_LEASE.WORKER_ID, workerId)
                .set(WORKER_LEASE.INSTANCE_ID, instanceId)
                .set(WORKER_LEASE.LEASE_UNTIL, leaseUntil)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Takes a worker id whose lease ran out before {@code now}; answers 1 when taken. */
    int takeExpired(int workerId, String instanceId, long leaseUntil, long now) {
        return db.update(WORKER_LEASE)
                .set(WORKER_LEASE.INSTANCE_ID, instanceId)
                .set(WORKER_LEASE.LEASE_UNTIL, leaseUntil)
                .where(WORKER_LEASE.WORKER_ID.eq(workerId))
                .and(WORKER_LEASE.LEASE_UNTIL.lt(now))
                .execute();
    }

    /** Extends this instance's lease; answers 0 when another instance holds the id now. */
    int renew(int workerId, String instanceId, long leaseUntil) {
        return db.update(WORKER_LEASE)
                .set(WORKER_LEASE.LEASE_UNTIL, leaseUntil)
                .where(WORKER_LEASE.WORKER_ID.eq(workerId))
                .and(WORKER_LEASE.INSTANCE_ID.eq(instanceId))
                .execute();
    }

    void release(int workerId, String instanceId) {
        db.deleteFrom(WORKER_LEASE)
                .where(WORKER_LEASE.WORKER_ID.eq(workerId))
                .and(WORKER_LEASE.INSTANCE_ID.eq(instanceId))
                .execute();
    }
}
