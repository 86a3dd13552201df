package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.roamdesk.core.Sha256;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident audit trail. Events are numbered without gaps and each carries the SHA-256 of
 * its own content and of the previous event's hash, so an edited, deleted or reordered row breaks
 * the chain at that row. Events are written in the caller's transaction: an action that rolls back
 * leaves no "success" behind.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final DSLContext db;
    private final Clock clock;
    private final ObjectMapper json;

    AuditTrail(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** Records an event in the current transaction (required: the event belongs to the action). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, @Nullable Long appId, @Nullable String targetUser,
            @Nullable String target, Map<String, ?> params, String outcome, @Nullable String reason) {
        // the newest row is locked so concurrent writers append one after another
        var last = db.select(AUDIT_EVENT.EVENT_ID, AUDIT_EVENT.ROW_HASH).from(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.EVENT_ID.desc()).limit(1).forUpdate().fetchOne();
        long id = last == null ? 1 : last.value1() + 1;
        String prev = last == null ? GENESIS : last.value2();
        String paramsJson = canonical(params);
        long now = clock.millis();
        // refused input can be anything: keep the record within its columns rather than lose it
        AuditEvent e = new AuditEvent(id, now, clip(actor.name(), 64), clip(actor.role(), 20), action, appId,
                clip(targetUser, 64), clip(target, 200), paramsJson, outcome, clip(reason, 500), prev, "");
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.EVENT_ID, id)
                .set(AUDIT_EVENT.OCCURRED_AT, now)
                .set(AUDIT_EVENT.ACTOR, e.actor())
                .set(AUDIT_EVENT.ACTOR_ROLE, e.actorRole())
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.APP_ID, appId)
                .set(AUDIT_EVENT.TARGET_USER, e.targetUser())
                .set(AUDIT_EVENT.TARGET, e.target())
                .set(AUDIT_EVENT.PARAMS, JSON.json(paramsJson))
                .set(AUDIT_EVENT.OUTCOME, outcome)
                .set(AUDIT_EVENT.REASON, e.reason())
                .set(AUDIT_EVENT.PREV_HASH, prev)
                .set(AUDIT_EVENT.ROW_HASH, hash(e))
                .execute();
    }

    /** Records a failed action in its own transaction, since the action's own transaction rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(Actor actor, String action, @Nullable Long appId, @Nullable String targetUser,
            @Nullable String target, Map<String, ?> params, String error, @Nullable String reason) {
        Map<String, Object> withError = new TreeMap<>(params);
        withError.put("error", error);
        record(actor, action, appId, targetUser, target, withError, "FAILURE", reason);
    }

    /** Records an event that belongs to no other transaction (sign-ins, content reads). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(Actor actor, String action, @Nullable Long appId, @Nullable String targetUser,
            @Nullable String target, Map<String, ?> params, String outcome, @Nullable String reason) {
        record(actor, action, appId, targetUser, target, params, outcome, reason);
    }

    /** Walks the whole chain in id order and names the first row that does not fit. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        String prev = GENESIS;
        long expectedId = 1;
        long checked = 0;
        for (var r : db.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.EVENT_ID).fetchSize(1000).fetchLazy()) {
            AuditEvent e = AuditEvents.of(r);
            if (e.eventId() != expectedId) {
                return new ChainVerification(false, checked, e.eventId(),
                        "expected event " + expectedId + " but found " + e.eventId() + ": rows are missing");
            }
            if (!e.prevHash().equals(prev)) {
                return new ChainVerification(false, checked, e.eventId(),
                        "does not link to the event before it: rows were removed or reordered");
            }
            if (!hash(e).equals(e.rowHash())) {
                return new ChainVerification(false, checked, e.eventId(), "its content was changed after it was written");
            }
            prev = e.rowHash();
            expectedId++;
            checked++;
        }
        return new ChainVerification(true, checked, null, null);
    }

    static String hash(AuditEvent e) {
        String content = String.join("\u001f", e.prevHash(), Long.toString(e.eventId()), Long.toString(e.occurredAt()),
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
