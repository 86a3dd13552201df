package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.jooq.Tables.JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.core.Job;
import io.roamdesk.jooq.tables.records.AuditEventRecord;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DeletionJobsTest {

    private static final Actor ADMIN = new Actor("admin-ann", "APP_ADMIN");

    @Autowired
    DeletionJobs jobs;
    @Autowired
    AuditedActions audited;
    @Autowired
    AuditTrail trail;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    DSLContext db;

    private int savedBatchSize;

    @BeforeEach
    void smallBatches() {
        savedBatchSize = jobs.batchSize;
        jobs.batchSize = 10;
    }

    @AfterEach
    void restoreBatches() {
        jobs.batchSize = savedBatchSize;
    }

    private List<AuditEventRecord> eventsOf(App app) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.ACTION.eq(DeletionJobs.ACTION.name())).orderBy(AUDIT_EVENT.CHAIN_SEQ).fetch();
    }

    private int visible(App app, String owner, String peer) {
        return history.fetch(app, HistoryRequest.newest(owner, ChatType.CHAT, peer, 50)).messages().size();
    }

    @Test
    void aDeleteForAllKilledMidWayIsResumedAndAuditedAsStartedThenCompletedWithTheTotal() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 25; i++) {
            chats.text(app, i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice", "m" + i);
        }
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        // the instance dies after its first batch committed: nothing after it runs
        assertThatThrownBy(() -> audited.deleteConversation(ADMIN, app, ref, true, "GDPR-77", deleted -> {
            throw new IllegalStateException("killed after " + deleted);
        })).hasMessageContaining("killed after 10");
        assertThat(visible(app, "bob", "alice")).as("deleted before the crash").isEqualTo(15);
        assertThat(eventsOf(app)).singleElement().satisfies(e -> assertThat(e.getOutcome()).isEqualTo("STARTED"));
        var job = db.selectFrom(JOB).where(JOB.APP_ID.eq(app.appId())).fetchSingle();
        assertThat(job.getState()).isEqualTo(Job.State.RUNNING.name());
        assertThat(job.getProcessed()).isEqualTo(10);

        // its lease runs out, as it does when the instance is gone; a pass of any instance resumes it
        db.update(JOB).set(JOB.LEASE_UNTIL, System.currentTimeMillis() - 1).where(JOB.JOB_ID.eq(job.getJobId())).execute();
        jobs.resumeInterrupted();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                db.fetchValue(JOB.STATE, JOB.JOB_ID.eq(job.getJobId())).equals(Job.State.COMPLETED.name()));

        assertThat(visible(app, "alice", "bob")).isZero();
        assertThat(visible(app, "bob", "alice")).isZero();
        List<AuditEventRecord> events = eventsOf(app);
        assertThat(events).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED", "SUCCESS");
        assertThat(events.get(1).getParams().data()).contains("\"messages\":25");
        assertThat(events.get(1).getReason()).isEqualTo("GDPR-77");
        assertThat(events.get(1).getActor()).isEqualTo("admin-ann");
        assertThat(trail.verify(app.appId()).intact()).isTrue();
    }

    @Test
    void aDeleteForAllThatRunsThroughIsAuditedOnceStartedAndOnceCompleted() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 12; i++) {
            chats.text(app, "alice", "bob", "m" + i);
        }
        long deleted = audited.deleteConversation(ADMIN, app, ConversationRef.of("alice", ChatType.CHAT, "bob"), true,
                "ticket", n -> { });
        assertThat(deleted).isEqualTo(12);
        assertThat(eventsOf(app)).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED", "SUCCESS");
        assertThat(db.fetchValue(JOB.STATE, JOB.APP_ID.eq(app.appId()))).isEqualTo(Job.State.COMPLETED.name());
        assertThat(jobs.unfinished()).noneMatch(j -> j.appId() == app.appId());
    }
}
