package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.AuditEventRecord;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailTest {

    private static final Actor AGENT = new Actor("agent-smith", "SUPPORT");

    @Autowired
    AuditedActions audited;
    @Autowired
    AuditTrail trail;
    @Autowired
    DSLContext db;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    PlatformTransactionManager transactions;

    private List<AuditEventRecord> eventsOf(App app) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId())).orderBy(AUDIT_EVENT.EVENT_ID).fetch();
    }

    @Test
    void anAuditedDeletionWritesExactlyOneEventWithWhoWhatWhyAndTheOutcome() {
        App app = testApps.createRoaming();
        long id = chats.text(app, "alice", "bob", "secret");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        audited.deleteByIds(AGENT, app, ref, List.of(id), "TICKET-9");
        assertThat(eventsOf(app)).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("agent-smith");
            assertThat(e.getActorRole()).isEqualTo("SUPPORT");
            assertThat(e.getAction()).isEqualTo("DELETE_ONE_WAY_IDS");
            assertThat(e.getTargetUser()).isEqualTo("alice");
            assertThat(e.getTarget()).isEqualTo("chat:bob");
            assertThat(e.getParams().data()).contains(Long.toString(id));
            assertThat(e.getOutcome()).isEqualTo("SUCCESS");
            assertThat(e.getReason()).isEqualTo("TICKET-9");
        });
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRefusedActionRecordsItsFailureAndChangesNothing() {
        App app = testApps.createRoaming();
        long id = chats.text(app, "alice", "bob", "keep");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        List<Long> tooMany = Collections.nCopies(51, id);
        assertThatThrownBy(() -> audited.deleteByIds(AGENT, app, ref, tooMany, "oops")).isInstanceOf(RoamdeskException.class);
        assertThat(eventsOf(app)).singleElement().satisfies(e -> {
            assertThat(e.getOutcome()).isEqualTo("FAILURE");
            assertThat(e.getParams().data()).contains("delete msg list limit can not greater than 50");
        });
        assertThat(history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 10)).messages()).hasSize(1);
    }

    @Test
    void aRolledBackActionLeavesNoSuccessBehind() {
        App app = testApps.createRoaming();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            trail.record(AGENT, AuditAction.CLEAR_ALL, app.appId(), "alice", null, Map.of(), AuditOutcome.SUCCESS, "will roll back");
            throw new IllegalStateException("the action failed after writing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(eventsOf(app)).isEmpty();
    }

    @Test
    void aTamperedRowIsFoundByVerification() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        audited.clearAll(AGENT, app, "alice", "second");
        AuditEventRecord target = eventsOf(app).get(0);
        String original = target.getReason();
        try {
            db.update(AUDIT_EVENT).set(AUDIT_EVENT.REASON, "nothing to see").where(AUDIT_EVENT.EVENT_ID.eq(target.getEventId())).execute();
            ChainVerification v = trail.verify(app.appId());
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenEventId()).isEqualTo(target.getEventId());
            assertThat(v.problem()).contains("changed");
            assertThat(trail.verify().intact()).as("the whole trail").isFalse();
        } finally {
            db.update(AUDIT_EVENT).set(AUDIT_EVENT.REASON, original).where(AUDIT_EVENT.EVENT_ID.eq(target.getEventId())).execute();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsFoundByVerification() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        audited.clearAll(AGENT, app, "alice", "second");
        AuditEventRecord target = eventsOf(app).get(0);
        long next = eventsOf(app).get(1).getEventId();
        AuditEventRecord copy = target.copy();
        copy.setEventId(target.getEventId());
        try {
            db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.EVENT_ID.eq(target.getEventId())).execute();
            ChainVerification v = trail.verify(app.appId());
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenEventId()).isEqualTo(next);
            assertThat(v.problem()).contains("missing");
        } finally {
            db.insertInto(AUDIT_EVENT).set(copy).execute();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void reorderedRowsAreFoundByVerification() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        audited.clearAll(AGENT, app, "bob", "second");
        List<AuditEventRecord> events = eventsOf(app);
        long a = events.get(0).getEventId();
        long b = events.get(1).getEventId();
        try {
            swap(a, b);
            ChainVerification v = trail.verify(app.appId());
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenEventId()).isIn(a, b);
        } finally {
            swap(a, b);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRemovedNewestEventIsFoundByVerification() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        audited.clearAll(AGENT, app, "alice", "second");
        AuditEventRecord newest = eventsOf(app).get(1);
        whileRemoved(newest, () -> {
            ChainVerification v = trail.verify(app.appId());
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenEventId()).isEqualTo(newest.getEventId());
            assertThat(v.problem()).contains("newest events are missing");
        });
        assertThat(trail.verify(app.appId()).intact()).isTrue();
    }

    @Test
    void concurrentAuditedDeletionsInOneAppAndAcrossAppsAllSucceedAndKeepTheChainsIntact() throws Exception {
        App first = testApps.createRoaming();
        App second = testApps.createRoaming();
        int perApp = 40;
        List<long[]> work = new java.util.ArrayList<>();
        for (App app : List.of(first, second)) {
            for (int i = 0; i < perApp; i++) {
                long id = chats.text(app, "u" + i, "peer" + i, "m" + i);
                work.add(new long[] {app == first ? 0 : 1, i, id});
            }
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = pool.invokeAll(work.stream().map(w -> (java.util.concurrent.Callable<Integer>) () -> {
                App app = w[0] == 0 ? first : second;
                return audited.deleteByIds(AGENT, app, ConversationRef.of("u" + w[1], ChatType.CHAT, "peer" + w[1]),
                        List.of(w[2]), "parallel " + w[1]);
            }).toList());
            for (var r : results) {
                assertThat(r.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        for (App app : List.of(first, second)) {
            assertThat(eventsOf(app)).hasSize(perApp).allSatisfy(e -> assertThat(e.getOutcome()).isEqualTo("SUCCESS"));
            assertThat(eventsOf(app).stream().map(AuditEventRecord::getChainSeq).sorted().toList())
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, perApp).boxed().toList());
            assertThat(trail.verify(app.appId()).intact()).isTrue();
        }
    }

    @Test
    void openingTheTrailVerifiesOnlyWhatWasWrittenSinceTheCheckpointAndSaysHowFarItReached() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        audited.clearAll(AGENT, app, "alice", "second");
        ChainVerification first = trail.verifySinceCheckpoint(app.appId());
        assertThat(first.intact()).isTrue();
        assertThat(first.checked()).isEqualTo(2);
        AuditEventRecord second = eventsOf(app).get(1);
        assertThat(first.reachedEventId()).isEqualTo(second.getEventId());
        assertThat(first.reachedAt()).isEqualTo(second.getOccurredAt());

        ChainVerification again = trail.verifySinceCheckpoint(app.appId());
        assertThat(again.checked()).as("nothing new since the checkpoint").isZero();
        assertThat(again.reachedEventId()).isEqualTo(second.getEventId());

        audited.clearAll(AGENT, app, "alice", "third");
        ChainVerification third = trail.verifySinceCheckpoint(app.appId());
        assertThat(third.intact()).isTrue();
        assertThat(third.checked()).isEqualTo(1);
        assertThat(third.reachedEventId()).isEqualTo(eventsOf(app).get(2).getEventId());
        assertThat(trail.verifySinceCheckpoints().intact()).as("every chain").isTrue();
    }

    @Test
    void tamperingAfterTheCheckpointIsFoundIncrementallyAndBeforeItByTheFullVerification() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        assertThat(trail.verifySinceCheckpoint(app.appId()).intact()).isTrue();
        audited.clearAll(AGENT, app, "alice", "second");
        AuditEventRecord before = eventsOf(app).get(0);
        AuditEventRecord after = eventsOf(app).get(1);
        try {
            db.update(AUDIT_EVENT).set(AUDIT_EVENT.REASON, "edited").where(AUDIT_EVENT.EVENT_ID.eq(after.getEventId())).execute();
            ChainVerification v = trail.verifySinceCheckpoint(app.appId());
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenEventId()).isEqualTo(after.getEventId());
        } finally {
            db.update(AUDIT_EVENT).set(AUDIT_EVENT.REASON, after.getReason()).where(AUDIT_EVENT.EVENT_ID.eq(after.getEventId())).execute();
        }
        assertThat(trail.verifySinceCheckpoint(app.appId()).intact()).isTrue();
        try {
            db.update(AUDIT_EVENT).set(AUDIT_EVENT.REASON, "edited").where(AUDIT_EVENT.EVENT_ID.eq(before.getEventId())).execute();
            assertThat(trail.verifySinceCheckpoint(app.appId()).intact())
                    .as("before the checkpoint: not walked again when the view opens").isTrue();
            ChainVerification full = trail.verify(app.appId());
            assertThat(full.intact()).isFalse();
            assertThat(full.full()).isTrue();
            assertThat(full.firstBrokenEventId()).isEqualTo(before.getEventId());
            assertThat(trail.verify().intact()).as("the whole trail").isFalse();
        } finally {
            db.update(AUDIT_EVENT).set(AUDIT_EVENT.REASON, before.getReason()).where(AUDIT_EVENT.EVENT_ID.eq(before.getEventId())).execute();
        }
        assertThat(trail.verify(app.appId()).intact()).isTrue();
    }

    @Test
    void aRemovedNewestEventAfterTheCheckpointIsFoundIncrementally() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        assertThat(trail.verifySinceCheckpoint(app.appId()).intact()).isTrue();
        audited.clearAll(AGENT, app, "alice", "second");
        AuditEventRecord newest = eventsOf(app).get(1);
        whileRemoved(newest, () -> {
            ChainVerification v = trail.verifySinceCheckpoint(app.appId());
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("newest events are missing");
        });
        assertThat(trail.verifySinceCheckpoint(app.appId()).intact()).isTrue();
    }

    /** Runs {@code check} while {@code event} is deleted from the trail, then puts it back as it was. */
    private void whileRemoved(AuditEventRecord event, Runnable check) {
        AuditEventRecord copy = event.copy();
        copy.setEventId(event.getEventId());
        db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.EVENT_ID.eq(event.getEventId())).execute();
        try {
            check.run();
        } finally {
            db.insertInto(AUDIT_EVENT).set(copy).execute();
        }
    }

    /** An app whose chain holds two events, verified up to the newest (its checkpoint is there). */
    private App appWithTwoVerifiedEvents() {
        App app = testApps.createRoaming();
        audited.clearAll(AGENT, app, "alice", "first");
        audited.clearAll(AGENT, app, "alice", "second");
        assertThat(trail.verifySinceCheckpoint(app.appId()).intact()).isTrue();
        return app;
    }

    private void setHead(long chain, long seq, String hash, long eventId) {
        var head = io.roamdesk.jooq.Tables.AUDIT_CHAIN;
        db.update(head).set(head.LAST_SEQ, seq).set(head.LAST_HASH, hash).set(head.LAST_EVENT_ID, eventId)
                .where(head.CHAIN_ID.eq(chain)).execute();
    }

    @Test
    void aChainCutShortBelowItsCheckpointIsFoundByTheFullVerification() {
        App app = appWithTwoVerifiedEvents();
        AuditEventRecord newest = eventsOf(app).get(1);
        var saved = db.selectFrom(io.roamdesk.jooq.Tables.AUDIT_CHAIN)
                .where(io.roamdesk.jooq.Tables.AUDIT_CHAIN.CHAIN_ID.eq(newest.getChainId())).fetchSingle();
        AuditEventRecord first = eventsOf(app).get(0);
        // the newest event removed and the head set back to the one before: a consistent-looking shorter chain
        whileRemoved(newest, () -> {
            try {
                setHead(newest.getChainId(), first.getChainSeq(), first.getRowHash(), first.getEventId());
                ChainVerification v = trail.verify(app.appId());
                assertThat(v.intact()).isFalse();
                assertThat(v.problem()).contains("before its verified checkpoint");
            } finally {
                setHead(newest.getChainId(), saved.getLastSeq(), saved.getLastHash(), saved.getLastEventId());
            }
        });
        assertThat(trail.verify(app.appId()).intact()).isTrue();
    }

    @Test
    void anAlteredCheckpointIsFoundByTheFullVerification() {
        App app = appWithTwoVerifiedEvents();
        var cp = io.roamdesk.jooq.Tables.AUDIT_CHECKPOINT;
        long chain = eventsOf(app).get(0).getChainId();
        String hash = db.select(cp.VERIFIED_HASH).from(cp).where(cp.CHAIN_ID.eq(chain)).fetchOne(cp.VERIFIED_HASH);
        try {
            db.update(cp).set(cp.VERIFIED_HASH, "f".repeat(64)).where(cp.CHAIN_ID.eq(chain)).execute();
            ChainVerification v = trail.verify(app.appId());
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("checkpoint");
        } finally {
            db.update(cp).set(cp.VERIFIED_HASH, hash).where(cp.CHAIN_ID.eq(chain)).execute();
        }
        assertThat(trail.verify(app.appId()).intact()).isTrue();
    }

    private void swap(long a, long b) {
        db.update(AUDIT_EVENT).set(AUDIT_EVENT.EVENT_ID, -1L).where(AUDIT_EVENT.EVENT_ID.eq(a)).execute();
        db.update(AUDIT_EVENT).set(AUDIT_EVENT.EVENT_ID, a).where(AUDIT_EVENT.EVENT_ID.eq(b)).execute();
        db.update(AUDIT_EVENT).set(AUDIT_EVENT.EVENT_ID, b).where(AUDIT_EVENT.EVENT_ID.eq(-1L)).execute();
    }
}
