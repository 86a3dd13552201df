package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.jooq.Tables.FOR_ALL_DELETION;
import static io.roamdesk.jooq.Tables.JOB;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.AuditEventRecord;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.ForAllDeletion;
import io.roamdesk.roaming.GraceService;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class GracePeriodTest {

    private static final Actor ADMIN = new Actor("admin-ann", "APP_ADMIN");
    private static final Actor AGENT = new Actor("agent-sue", "SUPPORT");

    @Autowired
    AuditedActions audited;
    @Autowired
    GracePeriodJobs purges;
    @Autowired
    GraceService grace;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    ConversationService conversations;
    @Autowired
    AuditTrail trail;
    @Autowired
    DSLContext db;

    private final ConversationRef aliceBob = ConversationRef.of("alice", ChatType.CHAT, "bob");

    @BeforeEach
    void smallBatches() {
        purges.batchSize = 10;
        purges.afterBatch = n -> { };
    }

    @AfterEach
    void restore() {
        purges.batchSize = 5_000;
        purges.afterBatch = n -> { };
    }

    private List<Long> visible(App app, String owner, String peer) {
        return HistoryWalk.ids(history, app, HistoryRequest.newest(owner, ChatType.CHAT, peer, 50));
    }

    private List<Long> talk(App app, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(chats.text(app, i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice", "m" + i));
        }
        return ids;
    }

    private ForAllDeletion latest(App app) {
        return grace.ofOwner(app, "alice", 10).get(0);
    }

    private List<AuditEventRecord> events(App app, AuditAction action) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.ACTION.eq(action.name())).orderBy(AUDIT_EVENT.CHAIN_SEQ).fetch();
    }

    @Test
    void withinTheGracePeriodAnAdministratorRestoresTheMessagesForEveryoneAsTheyWere() {
        App app = testApps.createRoaming();
        List<Long> ids = talk(app, 3);
        audited.deleteByIds(AGENT, app, ConversationRef.of("bob", ChatType.CHAT, "alice"), List.of(ids.get(0)), null);
        audited.deleteConversation(ADMIN, app, aliceBob, true, "ticket 9", n -> { });
        assertThat(visible(app, "alice", "bob")).isEmpty();
        ForAllDeletion d = latest(app);
        assertThat(d.state()).isEqualTo(ForAllDeletion.State.GRACE);

        long restored = audited.restoreDeletedForAll(ADMIN, app, d.convKey(), d.deletionId(), "deleted the wrong chat");

        assertThat(restored).isEqualTo(3);
        assertThat(visible(app, "alice", "bob")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(visible(app, "bob", "alice")).as("bob's own one-way delete stays").containsExactly(ids.get(2), ids.get(1));
        assertThat(conversations.page(app, "alice", 1, 20)).extracting(ConversationEntry::convId).containsExactly("bob");
        assertThat(conversations.page(app, "bob", 1, 20).get(0).latest().msgId()).isEqualTo(ids.get(2));
        assertThat(latest(app).state()).isEqualTo(ForAllDeletion.State.RESTORED);
        assertThat(events(app, AuditAction.RESTORE_DELETED_FOR_ALL)).singleElement().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo("deleted the wrong chat");
            assertThat(e.getParams().data()).contains("\"messages\":3");
        });
    }

    @Test
    void aRestoreBySupportAfterTheGracePeriodOrTwiceIsRefusedAndChangesNothing() {
        App app = testApps.createRoaming();
        talk(app, 2);
        audited.deleteConversation(ADMIN, app, aliceBob, true, "ticket 9", n -> { });
        ForAllDeletion d = latest(app);
        assertThatThrownBy(() -> audited.restoreDeletedForAll(AGENT, app, d.convKey(), d.deletionId(), "please"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(403));
        assertThatThrownBy(() -> audited.restoreDeletedForAll(ADMIN, app, d.convKey(), d.deletionId(), ""))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(400));
        assertThat(visible(app, "alice", "bob")).isEmpty();

        db.update(FOR_ALL_DELETION).set(FOR_ALL_DELETION.PURGE_AFTER, FOR_ALL_DELETION.DELETED_AT.minus(1))
                .where(FOR_ALL_DELETION.APP_ID.eq(app.appId())).execute();
        assertThatThrownBy(() -> audited.restoreDeletedForAll(ADMIN, app, d.convKey(), d.deletionId(), "too late"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> {
                    assertThat(e.kind().httpStatus()).isEqualTo(400);
                    assertThat(e.description()).contains("grace period");
                });
        assertThat(visible(app, "alice", "bob")).isEmpty();
        assertThat(latest(app).state()).isEqualTo(ForAllDeletion.State.GRACE);
    }

    @Test
    void aPurgeKilledMidWayIsResumedAndCompletesWithTheRightCount() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withDeleteGraceHours(0));
        talk(app, 25);
        // the instance dies after the purge's first batch committed
        purges.afterBatch = n -> {
            throw new IllegalStateException("killed after " + n);
        };
        assertThatThrownBy(() -> audited.deleteConversation(ADMIN, app, aliceBob, true, "GDPR-78", n -> { }))
                .hasMessageContaining("killed after 10");
        purges.afterBatch = n -> { };
        assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()))).as("purged before the crash").isEqualTo(15);
        assertThat(latest(app).state()).isEqualTo(ForAllDeletion.State.PURGING);
        long later = chats.text(app, "bob", "alice", "after the deletion");

        db.update(JOB).set(JOB.LEASE_UNTIL, System.currentTimeMillis() - 1).where(JOB.APP_ID.eq(app.appId()))
                .and(JOB.KIND.eq(GracePeriodJobs.PURGE.name())).execute();
        purges.resumeInterrupted();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> latest(app).state() == ForAllDeletion.State.PURGED);

        assertThat(latest(app).purged()).isEqualTo(25);
        assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()))).as("only the later message").isEqualTo(1);
        assertThat(visible(app, "alice", "bob")).containsExactly(later);
        List<AuditEventRecord> purged = events(app, AuditAction.PURGE_DELETED_FOR_ALL);
        assertThat(purged).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED", "SUCCESS");
        assertThat(purged.get(1).getParams().data()).contains("\"messages\":25");
        assertThat(trail.verify(app.appId()).intact()).isTrue();
    }

    @Test
    void anErasureRequestPurgesAtOnceAndOnlyAnAdministratorWithAReasonMayAskForIt() {
        App app = testApps.createRoaming();
        talk(app, 4);
        assertThatThrownBy(() -> audited.deleteConversation(AGENT, app, aliceBob, true, true, "erase me", n -> { }))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(403));
        assertThatThrownBy(() -> audited.deleteConversation(ADMIN, app, aliceBob, true, true, " ", n -> { }))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(400));
        assertThat(visible(app, "alice", "bob")).hasSize(4);

        audited.deleteConversation(ADMIN, app, aliceBob, true, true, "erasure request 12", n -> { });

        assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()))).isZero();
        assertThat(latest(app).state()).isEqualTo(ForAllDeletion.State.PURGED);
        assertThat(latest(app).purged()).isEqualTo(4);
        ForAllDeletion d = latest(app);
        assertThatThrownBy(() -> audited.restoreDeletedForAll(ADMIN, app, d.convKey(), d.deletionId(), "undo erasure"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(409));
    }

    @Test
    void aDeletionStillRunningCannotBeRestoredAndNothingChanges() {
        App app = testApps.createRoaming();
        talk(app, 3);
        audited.deleteConversation(ADMIN, app, aliceBob, true, "ticket 9", n -> { });
        ForAllDeletion d = latest(app);
        // as while another instance still runs the delete-for-all job (its lease is live)
        db.update(JOB).set(JOB.STATE, "RUNNING").set(JOB.LEASE_UNTIL, System.currentTimeMillis() + 3_600_000)
                .where(JOB.JOB_ID.eq(d.deletionId())).execute();

        assertThatThrownBy(() -> audited.restoreDeletedForAll(ADMIN, app, d.convKey(), d.deletionId(), "wrong chat"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> {
                    assertThat(e.kind().httpStatus()).isEqualTo(409);
                    assertThat(e.description()).contains("still running");
                });
        assertThat(visible(app, "alice", "bob")).isEmpty();
        assertThat(latest(app).state()).isEqualTo(ForAllDeletion.State.GRACE);
        db.update(JOB).set(JOB.STATE, "COMPLETED").where(JOB.JOB_ID.eq(d.deletionId())).execute();
    }

    @Test
    void anErasureAlsoEndsTheGracePeriodOfAnEarlierDeletionSoItsOlderMessagesGoToo() {
        App app = testApps.createRoaming();
        talk(app, 4);
        audited.deleteConversation(ADMIN, app, aliceBob, true, "ticket 9", n -> { });
        ForAllDeletion first = latest(app);
        talk(app, 2);

        audited.deleteConversation(ADMIN, app, aliceBob, true, true, "erasure request 13", n -> { });

        assertThatThrownBy(() -> audited.restoreDeletedForAll(ADMIN, app, first.convKey(), first.deletionId(), "oops"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(400));
        purges.purgeDue();
        assertThat(grace.ofOwner(app, "alice", 10)).extracting(ForAllDeletion::state)
                .containsOnly(ForAllDeletion.State.PURGED);
        assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()))).as("nothing of the conversation is kept").isZero();
    }
}
