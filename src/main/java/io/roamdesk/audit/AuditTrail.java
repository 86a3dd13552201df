package io.roamdesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.Sha256;
import io.roamdesk.jooq.tables.records.AuditChainRecord;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident audit trail: one hash chain per app (chain 0 for events of no app). Within a
 * chain events are numbered without gaps and each carries the SHA-256 of its own content and of the
 * previous event's hash, so an edited, deleted or reordered row breaks the chain at that row, and
 * the chain's head row (number and hash of its newest event) exposes a removed newest event.
 * Events are written in the caller's transaction: an action that rolls back leaves no "success"
 * behind. Writers of one app append one after another (the head row is locked); apps never wait
 * on each other.
 */
@Service
public class AuditTrail {

    static final String GENESIS = AuditRepository.GENESIS;

    private final AuditRepository repo;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate separately;
    private final ObjectMapper json;
    /** Chains whose head row exists (rows are never removed): one read less per event. */
    private final java.util.Set<Long> knownChains = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final MeterRegistry metrics;

    AuditTrail(AuditRepository repo, IdGenerator ids, Clock clock, PlatformTransactionManager transactions,
            MeterRegistry metrics) {
        this.repo = repo;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** Records an event in the current transaction (required: the event belongs to the action). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, AuditAction action, @Nullable Long appId, @Nullable String targetUser,
            @Nullable String target, Map<String, ?> params, AuditOutcome outcome, @Nullable String reason) {
        long chain = AuditEvent.chainOf(appId);
        if (!knownChains.contains(chain) && repo.head(chain).isEmpty()) {
            // a chain's first event: its head row is created on its own first (a locking read of a
            // missing row would gap-lock the very place that insert needs), then locked like any other
            separately.executeWithoutResult(s -> repo.createHead(chain));
        }
        AuditChainRecord head = repo.lockHead(chain).orElseThrow();
        knownChains.add(chain);
        // refused input can be anything: keep the record within its columns rather than lose it
        AuditEvent e = new AuditEvent(ids.nextId(), clock.millis(), clip(actor.name(), 64), clip(actor.role(), 20),
                action.name(), appId, clip(targetUser, 64), clip(target, 200), canonical(params), outcome.name(),
                clip(reason, 500),
                head.getLastHash(), "", chain, head.getLastSeq() + 1);
        repo.append(withHash(e));
        countAfterCommit(action, outcome);
    }

    /** {@code roamdesk.audit.events} by action and outcome, once the event is committed. */
    private void countAfterCommit(AuditAction action, AuditOutcome outcome) {
        Counter counter = Counter.builder("roamdesk.audit.events").description("Audit events written")
                .tag("action", action.name()).tag("outcome", outcome.name()).register(metrics);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    /** Records a failed action in its own transaction, since the action's own transaction rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(Actor actor, AuditAction action, @Nullable Long appId, @Nullable String targetUser,
            @Nullable String target, Map<String, ?> params, String error, @Nullable String reason) {
        Map<String, Object> withError = new TreeMap<>(params);
        withError.put("error", error);
        record(actor, action, appId, targetUser, target, withError, AuditOutcome.FAILURE, reason);
    }

    /** Records an event that belongs to no other transaction (sign-ins, content reads). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(Actor actor, AuditAction action, @Nullable Long appId, @Nullable String targetUser,
            @Nullable String target, Map<String, ?> params, AuditOutcome outcome, @Nullable String reason) {
        record(actor, action, appId, targetUser, target, params, outcome, reason);
    }

    /**
     * Full verification: walks every chain from its first event and names the first row that does
     * not fit; also checks that each stored checkpoint matches its chain. Moves the checkpoints up.
     */
    @Transactional
    public ChainVerification verify() {
        return verifyAll(io.roamdesk.app.AppScope.ALL, true);
    }

    /** Full verification of the chains a reviewer with {@code scope} may see: all, or its apps' chains only. */
    @Transactional
    public ChainVerification verify(io.roamdesk.app.AppScope scope) {
        return verifyAll(scope, true);
    }

    /**
     * Incremental verification, what opening the audit view runs: each chain is walked from its
     * stored checkpoint (the last event a verification found intact) to its head, and the checkpoint
     * then moves up. Tampering with events before a checkpoint is found only by {@link #verify()}.
     */
    @Transactional
    public ChainVerification verifySinceCheckpoints() {
        return verifyAll(io.roamdesk.app.AppScope.ALL, false);
    }

    /** Incremental verification of the chains a reviewer with {@code scope} may see. */
    @Transactional
    public ChainVerification verifySinceCheckpoints(io.roamdesk.app.AppScope scope) {
        return verifyAll(scope, false);
    }

    private ChainVerification verifyAll(io.roamdesk.app.AppScope scope, boolean full) {
        long checked = 0;
        Long reachedId = null;
        Long reachedAt = null;
        for (AuditChainRecord head : repo.heads()) {
            // chain 0 holds the events of no app (sign-ins, accounts): only an all-apps reviewer sees it
            if (!scope.allApps() && (head.getChainId() == 0 || !scope.permits(head.getChainId()))) {
                continue;
            }
            ChainVerification v = verify(head, full);
            checked += v.checked();
            if (!v.intact()) {
                return new ChainVerification(false, checked, v.firstBrokenEventId(), v.problem(), null, null, full);
            }
            if (v.reachedAt() != null && (reachedAt == null || v.reachedAt() > reachedAt)) {
                reachedAt = v.reachedAt();
                reachedId = v.reachedEventId();
            }
        }
        return new ChainVerification(true, checked, null, null, reachedId, reachedAt, full);
    }

    /** Fully walks one app's chain (null: the chain of events of no app). */
    @Transactional
    public ChainVerification verify(@Nullable Long appId) {
        return verifyChain(appId, true);
    }

    /** Walks one app's chain from its checkpoint. */
    @Transactional
    public ChainVerification verifySinceCheckpoint(@Nullable Long appId) {
        return verifyChain(appId, false);
    }

    private ChainVerification verifyChain(@Nullable Long appId, boolean full) {
        return repo.head(AuditEvent.chainOf(appId)).map(h -> verify(h, full))
                .orElseGet(() -> new ChainVerification(true, 0, null, null, null, null, full));
    }

    private ChainVerification verify(AuditChainRecord head, boolean full) {
        var checkpoint = repo.checkpoint(head.getChainId());
        var walk = new ChainWalk(full, checkpoint.orElse(null));
        repo.walk(head.getChainId(), walk.seq, walk::accept);
        if (walk.broken != null) {
            return walk.broken;
        }
        if (checkpoint.isPresent() && walk.seq < checkpoint.get().getVerifiedSeq()) {
            // the head was set back below what an earlier verification saw: newest events were cut off
            return ChainVerification.broken(walk.checked, checkpoint.get().getVerifiedEventId(),
                    "the chain ends at number " + walk.seq + ", before its verified checkpoint at number "
                            + checkpoint.get().getVerifiedSeq() + ": its newest events were removed", full);
        }
        if (walk.seq != head.getLastSeq() || !walk.prev.equals(head.getLastHash())) {
            return ChainVerification.broken(walk.checked, head.getLastEventId(),
                    "the chain's newest events are missing: it ends at number " + walk.seq + " of " + head.getLastSeq(), full);
        }
        if (walk.seq > 0 && (checkpoint.isEmpty() || checkpoint.get().getVerifiedSeq() < walk.seq)) {
            repo.saveCheckpoint(head.getChainId(), walk.seq, walk.prev, walk.lastId, walk.lastAt, clock.millis());
        }
        return new ChainVerification(true, walk.checked, null, null, walk.seq == 0 ? null : walk.lastId,
                walk.seq == 0 ? null : walk.lastAt, full);
    }

    /** State of a walk along one chain: the number and hash expected next, or where it broke. */
    private static final class ChainWalk {
        final boolean full;
        final io.roamdesk.jooq.tables.records.@Nullable AuditCheckpointRecord checkpoint;
        String prev = GENESIS;
        long seq;
        long checked;
        long lastId;
        long lastAt;
        @Nullable ChainVerification broken;

        ChainWalk(boolean full, io.roamdesk.jooq.tables.records.@Nullable AuditCheckpointRecord checkpoint) {
            this.full = full;
            this.checkpoint = checkpoint;
            if (!full && checkpoint != null) {
                prev = checkpoint.getVerifiedHash();
                seq = checkpoint.getVerifiedSeq();
                lastId = checkpoint.getVerifiedEventId();
                lastAt = checkpoint.getVerifiedEventAt();
            }
        }

        boolean accept(AuditEvent e) {
            checked++;
            if (e.chainSeq() != seq + 1) {
                broken = ChainVerification.broken(checked, e.eventId(),
                        "expected number " + (seq + 1) + " but found " + e.chainSeq() + ": rows are missing", full);
            } else if (!e.prevHash().equals(prev)) {
                broken = ChainVerification.broken(checked, e.eventId(),
                        "does not link to the event before it: rows were removed or reordered", full);
            } else if (!hash(e).equals(e.rowHash())) {
                broken = ChainVerification.broken(checked, e.eventId(), "its content was changed after it was written", full);
            } else {
                prev = e.rowHash();
                seq++;
                lastId = e.eventId();
                lastAt = e.occurredAt();
                if (full && checkpoint != null && seq == checkpoint.getVerifiedSeq()
                        && !prev.equals(checkpoint.getVerifiedHash())) {
                    broken = ChainVerification.broken(checked, e.eventId(),
                            "the stored checkpoint does not match the chain at this event: it was altered", full);
                }
            }
            return broken == null;
        }
    }

    private static AuditEvent withHash(AuditEvent e) {
        return new AuditEvent(e.eventId(), e.occurredAt(), e.actor(), e.actorRole(), e.action(), e.appId(),
                e.targetUser(), e.target(), e.params(), e.outcome(), e.reason(), e.prevHash(), hash(e), e.chainId(),
                e.chainSeq());
    }

    /**
     * The row's hash: its number in its chain and its id, its content and the previous hash. Events
     * written before chains were per app were hashed with one number, their id, which is also their
     * number in chain 0; ids given since are snowflakes and never equal a chain number.
     */
    static String hash(AuditEvent e) {
        String number = e.eventId() == e.chainSeq() ? Long.toString(e.chainSeq()) : e.chainSeq() + "/" + e.eventId();
        String content = String.join("\u001f", e.prevHash(), number, Long.toString(e.occurredAt()),
                e.actor(), e.actorRole(), e.action(), String.valueOf(e.appId()), String.valueOf(e.targetUser()),
                String.valueOf(e.target()), e.params(), e.outcome(), String.valueOf(e.reason()));
        return Sha256.hex(content);
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private String canonical(Map<String, ?> params) {
        try {
            return json.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit parameters must be JSON values", e);
        }
    }
}
