package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_CHAIN;
import static io.roamdesk.jooq.Tables.AUDIT_CHECKPOINT;
import static io.roamdesk.jooq.Tables.AUDIT_EVENT;

import io.roamdesk.jooq.tables.records.AuditChainRecord;
import io.roamdesk.jooq.tables.records.AuditCheckpointRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.springframework.stereotype.Repository;

/** The audit tables: chain heads (one row per app, locked by writers) and the events themselves. */
@Repository
class AuditRepository {

    static final String GENESIS = "0".repeat(64);

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    /** The chain's head, locked until the current transaction ends. */
    Optional<AuditChainRecord> lockHead(long chainId) {
        return db.selectFrom(AUDIT_CHAIN).where(AUDIT_CHAIN.CHAIN_ID.eq(chainId)).forUpdate().fetchOptional();
    }

    /** Starts an empty chain (a no-op when another writer started it first). */
    void createHead(long chainId) {
        db.insertInto(AUDIT_CHAIN)
                .set(AUDIT_CHAIN.CHAIN_ID, chainId)
                .set(AUDIT_CHAIN.LAST_SEQ, 0L)
                .set(AUDIT_CHAIN.LAST_HASH, GENESIS)
                .set(AUDIT_CHAIN.LAST_EVENT_ID, 0L)
                .onDuplicateKeyIgnore()
                .execute();
    }

    void append(AuditEvent e) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.EVENT_ID, e.eventId())
                .set(AUDIT_EVENT.OCCURRED_AT, e.occurredAt())
                .set(AUDIT_EVENT.ACTOR, e.actor())
                .set(AUDIT_EVENT.ACTOR_ROLE, e.actorRole())
                .set(AUDIT_EVENT.ACTION, e.action())
                .set(AUDIT_EVENT.APP_ID, e.appId())
                .set(AUDIT_EVENT.TARGET_USER, e.targetUser())
                .set(AUDIT_EVENT.TARGET, e.target())
                .set(AUDIT_EVENT.PARAMS, JSON.json(e.params()))
                .set(AUDIT_EVENT.OUTCOME, e.outcome())
                .set(AUDIT_EVENT.REASON, e.reason())
                .set(AUDIT_EVENT.PREV_HASH, e.prevHash())
                .set(AUDIT_EVENT.ROW_HASH, e.rowHash())
                .set(AUDIT_EVENT.CHAIN_ID, e.chainId())
                .set(AUDIT_EVENT.CHAIN_SEQ, e.chainSeq())
                .execute();
        db.update(AUDIT_CHAIN)
                .set(AUDIT_CHAIN.LAST_SEQ, e.chainSeq())
                .set(AUDIT_CHAIN.LAST_HASH, e.rowHash())
                .set(AUDIT_CHAIN.LAST_EVENT_ID, e.eventId())
                .where(AUDIT_CHAIN.CHAIN_ID.eq(e.chainId()))
                .execute();
    }

    List<AuditChainRecord> heads() {
        return db.selectFrom(AUDIT_CHAIN).orderBy(AUDIT_CHAIN.CHAIN_ID).fetch();
    }

    Optional<AuditChainRecord> head(long chainId) {
        return db.selectFrom(AUDIT_CHAIN).where(AUDIT_CHAIN.CHAIN_ID.eq(chainId)).fetchOptional();
    }

    /** Where verification of the chain last ended intact, if it ever did. */
    Optional<AuditCheckpointRecord> checkpoint(long chainId) {
        return db.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.CHAIN_ID.eq(chainId)).fetchOptional();
    }

    void saveCheckpoint(long chainId, long seq, String hash, long eventId, long eventAt, long now) {
        db.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.CHAIN_ID, chainId)
                .set(AUDIT_CHECKPOINT.VERIFIED_SEQ, seq)
                .set(AUDIT_CHECKPOINT.VERIFIED_HASH, hash)
                .set(AUDIT_CHECKPOINT.VERIFIED_EVENT_ID, eventId)
                .set(AUDIT_CHECKPOINT.VERIFIED_EVENT_AT, eventAt)
                .set(AUDIT_CHECKPOINT.CHECKED_AT, now)
                .onDuplicateKeyUpdate()
                .set(AUDIT_CHECKPOINT.VERIFIED_SEQ, seq)
                .set(AUDIT_CHECKPOINT.VERIFIED_HASH, hash)
                .set(AUDIT_CHECKPOINT.VERIFIED_EVENT_ID, eventId)
                .set(AUDIT_CHECKPOINT.VERIFIED_EVENT_AT, eventAt)
                .set(AUDIT_CHECKPOINT.CHECKED_AT, now)
                .execute();
    }

    /**
     * The events of one chain after number {@code afterSeq} in chain order, handed out one by one
     * while {@code sink} says go on (a range scan of the chain's unique index).
     */
    void walk(long chainId, long afterSeq, Predicate<AuditEvent> sink) {
        try (var cursor = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.CHAIN_ID.eq(chainId))
                .and(AUDIT_EVENT.CHAIN_SEQ.gt(afterSeq))
                .orderBy(AUDIT_EVENT.CHAIN_SEQ).fetchSize(1000).fetchLazy()) {
            while (cursor.hasNext()) {
                if (!sink.test(AuditEvents.of(cursor.fetchNext()))) {
                    return;
                }
            }
        }
    }
}
