package io.roamdesk.retention;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.JOB;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.app.Setting;
import io.roamdesk.audit.AuditTrail;
import io.roamdesk.core.Job;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Snowflake;
import io.roamdesk.jooq.tables.records.AuditEventRecord;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.BulkLoader;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConvKeys;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.ConversationState;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.MessageEntry;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.StoredMessage;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.awaitility.Awaitility;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RetentionPurgeTest {

    private static final long DAY = 86_400_000L;
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    RetentionPurge purge;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    BulkLoader bulk;
    @Autowired
    HistoryService history;
    @Autowired
    ConversationService conversations;
    @Autowired
    DeletionService deletions;
    @Autowired
    GroupService groups;
    @Autowired
    AuditTrail trail;
    @Autowired
    LockProvider locks;
    @Autowired
    RetentionSchedule schedule;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    DSLContext db;

    private int savedBatch;

    @BeforeEach
    void saveBatch() {
        savedBatch = purge.batchSize;
    }

    @AfterEach
    void restoreBatch() {
        purge.batchSize = savedBatch;
    }

    private App appKeeping(int days) {
        return testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withRetentionDays(days));
    }

    /** {@code n} messages {@code daysAgo} days old between two users (or to a group), with the rows a load writes. */
    private List<Long> old(App app, String from, ChatType type, String to, int n, int daysAgo, List<String> owners) {
        long base = System.currentTimeMillis() - daysAgo * DAY;
        String key = type == ChatType.CHAT ? ConvKeys.single(from, to) : ConvKeys.group(to);
        List<StoredMessage> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ts = base + i;
            long id = Snowflake.compose(ts, 1000, SEQ.incrementAndGet() & Snowflake.MAX_SEQUENCE);
            rows.add(new StoredMessage(id, key, from, to, type, BodyType.TXT, "{\"msg\":\"old " + i + "\"}", null,
                    Origin.SDK, ts));
        }
        bulk.insertMessages(app.appId(), rows);
        long newest = rows.get(n - 1).msgId();
        List<ConversationState> states = new ArrayList<>();
        for (String owner : owners) {
            String convId = type == ChatType.GROUPCHAT ? to : owner.equals(from) ? to : from;
            states.add(new ConversationState(owner, type, convId, key, newest, newest, Origin.SDK));
        }
        bulk.insertConversations(app.appId(), states);
        return rows.stream().map(StoredMessage::msgId).toList();
    }

    private List<MessageEntry> visible(App app, String owner, ChatType type, String conv) {
        return history.fetch(app, HistoryRequest.newest(owner, type, conv, 50)).messages();
    }

    private List<String> listed(App app, String owner) {
        return conversations.page(app, owner, 1, 50).stream().map(ConversationEntry::convId).toList();
    }

    private List<AuditEventRecord> runsOf(App app) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.ACTION.eq(RetentionPurge.ACTION.name())).orderBy(AUDIT_EVENT.CHAIN_SEQ).fetch();
    }

    private int messagesOf(App app) {
        return db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()));
    }

    private double purgedCounter() {
        return metrics.get("roamdesk.retention.purged.messages").counter().count();
    }

    @Test
    void aPurgeDeletesOnlyOlderMessagesKeepsTheRowsAndRepairsWhatTheListShows() {
        App app = appKeeping(7);
        List<Long> aliceBob = old(app, "alice", ChatType.CHAT, "bob", 5, 10, List.of("alice", "bob"));
        old(app, "carol", ChatType.CHAT, "dave", 4, 10, List.of("carol", "dave"));
        groups.createGroup(app, "team", "Team", "alice", List.of("carol"));
        old(app, "alice", ChatType.GROUPCHAT, "team", 3, 9, List.of("alice", "carol"));
        // a message 6 days old is within the retention and stays
        old(app, "erin", ChatType.CHAT, "carol", 1, 6, List.of("erin", "carol"));
        deletions.deleteByIds(app, ConversationRef.of("alice", ChatType.CHAT, "bob"), List.of(aliceBob.get(0)));
        chats.text(app, "bob", "alice", "new 1");
        chats.text(app, "alice", "bob", "new 2");
        assertThat(listed(app, "carol")).containsExactlyInAnyOrder("dave", "team", "erin");
        double before = purgedCounter();

        RetentionPurge.Run run = purge.purge(app, System.currentTimeMillis(), n -> { }).orElseThrow();

        assertThat(run.messages()).isEqualTo(12);
        assertThat(run.conversations()).isEqualTo(3);
        assertThat(visible(app, "alice", ChatType.CHAT, "bob")).extracting(MessageEntry::body)
                .satisfiesExactly(b -> assertThat(b).contains("new 2"), b -> assertThat(b).contains("new 1"));
        assertThat(visible(app, "carol", ChatType.CHAT, "dave")).isEmpty();
        assertThat(visible(app, "carol", ChatType.GROUPCHAT, "team")).isEmpty();
        assertThat(visible(app, "carol", ChatType.CHAT, "erin")).hasSize(1);
        // rows stay (their watermarks with them); those that showed a purged message leave the list
        assertThat(listed(app, "carol")).containsExactly("erin");
        assertThat(listed(app, "alice")).containsExactly("bob");
        assertThat(db.fetchCount(CONVERSATION, CONVERSATION.APP_ID.eq(app.appId()))).isEqualTo(8);
        assertThat(db.fetchCount(CONVERSATION, CONVERSATION.APP_ID.eq(app.appId())
                .and(CONVERSATION.LATEST_VISIBLE_MSG_ID.isNull()))).isEqualTo(4);
        assertThat(db.fetchCount(MESSAGE_HIDDEN, MESSAGE_HIDDEN.APP_ID.eq(app.appId()))).isZero();
        assertThat(messagesOf(app)).isEqualTo(3);
        // audited per run, with the counts; metrics count the messages
        List<AuditEventRecord> events = runsOf(app);
        assertThat(events).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED", "SUCCESS");
        assertThat(events.get(1).getParams().data()).contains("\"messages\":12").contains("\"conversations\":3");
        assertThat(events.get(0).getActor()).isEqualTo(RetentionPurge.SYSTEM.name());
        assertThat(trail.verify(app.appId()).intact()).isTrue();
        assertThat(purgedCounter() - before).isEqualTo(12.0);
        assertThat(db.fetchValue(JOB.STATE, JOB.APP_ID.eq(app.appId()))).isEqualTo(Job.State.COMPLETED.name());

        // the next run finds nothing more to delete
        assertThat(purge.purge(app, System.currentTimeMillis(), n -> { }).orElseThrow().messages()).isZero();
    }

    @Test
    void aPurgeKilledMidRunIsResumedFromItsCheckpointAndCompletesWithTheRightTotal() {
        App app = appKeeping(1);
        old(app, "alice", ChatType.CHAT, "bob", 7, 3, List.of("alice", "bob"));
        old(app, "carol", ChatType.CHAT, "dave", 3, 3, List.of("carol", "dave"));
        chats.text(app, "alice", "bob", "fresh");
        purge.batchSize = 2;
        // the instance dies after its first batch committed: nothing after it runs
        assertThatThrownBy(() -> purge.purge(app, System.currentTimeMillis(), n -> {
            throw new IllegalStateException("killed after " + n);
        })).hasMessageContaining("killed after 2");
        var job = db.selectFrom(JOB).where(JOB.APP_ID.eq(app.appId())).fetchSingle();
        assertThat(job.getState()).isEqualTo(Job.State.RUNNING.name());
        assertThat(job.getProcessed()).isEqualTo(2);
        assertThat(messagesOf(app)).isEqualTo(9);
        assertThat(runsOf(app)).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED");

        // while its lease is live nobody else runs it
        assertThat(purge.purge(app, System.currentTimeMillis(), n -> { })).isEmpty();
        assertThat(messagesOf(app)).isEqualTo(9);

        // the lease runs out, as it does when the instance is gone; the next pass resumes it
        db.update(JOB).set(JOB.LEASE_UNTIL, System.currentTimeMillis() - 1).where(JOB.JOB_ID.eq(job.getJobId())).execute();
        RetentionPurge.Run run = purge.purge(app, System.currentTimeMillis(), n -> { }).orElseThrow();

        assertThat(run.jobId()).isEqualTo(job.getJobId());
        assertThat(run.messages()).isEqualTo(10);
        assertThat(run.conversations()).isEqualTo(2);
        assertThat(messagesOf(app)).isEqualTo(1);
        assertThat(listed(app, "carol")).isEmpty();
        assertThat(listed(app, "bob")).containsExactly("alice");
        assertThat(db.fetchCount(JOB, JOB.APP_ID.eq(app.appId()))).isEqualTo(1);
        List<AuditEventRecord> events = runsOf(app);
        assertThat(events).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED", "SUCCESS");
        assertThat(events.get(1).getParams().data()).contains("\"messages\":10");
        assertThat(trail.verify(app.appId()).intact()).isTrue();
    }

    @Test
    void theScheduleRunsOnlyOnTheInstanceHoldingTheLock() {
        App app = appKeeping(2);
        // another instance holds the schedule's lock (a pass of this one's own schedule may hold it a moment);
        // the old messages arrive only then, so that no pass of this instance's schedule can purge them first
        SimpleLock held = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> locks.lock(
                new LockConfiguration(Instant.now(), RetentionSchedule.LOCK, Duration.ofMinutes(5), Duration.ZERO)),
                Optional::isPresent).orElseThrow();
        try {
            old(app, "alice", ChatType.CHAT, "bob", 3, 5, List.of("alice", "bob"));
            schedule.pass();
            assertThat(messagesOf(app)).as("a pass while another instance holds the lock").isEqualTo(3);
        } finally {
            held.unlock();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            schedule.pass();
            assertThat(messagesOf(app)).isZero();
        });
        assertThat(runsOf(app)).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED", "SUCCESS");
    }

    @Test
    void anAppThatKeepsMessagesForeverIsNeverPurged() {
        App app = appKeeping(0);
        old(app, "alice", ChatType.CHAT, "bob", 3, 400, List.of("alice", "bob"));
        assertThat(purge.purge(app, System.currentTimeMillis(), n -> { })).isEmpty();
        schedule.pass();
        assertThat(messagesOf(app)).isEqualTo(3);
        assertThat(runsOf(app)).isEmpty();
    }

    @Test
    void theRetentionSettingTakesZeroToTenYearsOfDays() {
        AppSettings s = AppSettings.defaults();
        assertThat(Setting.RETENTION_DAYS.apply(s, "0").retentionDays()).isZero();
        assertThat(Setting.RETENTION_DAYS.apply(s, "3650").retentionDays()).isEqualTo(3650);
        assertThat(Setting.RETENTION_DAYS.apply(s.withRetentionDays(30), "90").recallWindowSeconds())
                .isEqualTo(s.recallWindowSeconds());
        // other settings keep the retention
        assertThat(Setting.CONVERSATION_CAP.apply(s.withRetentionDays(30), "50").retentionDays()).isEqualTo(30);
        assertThat(Setting.LEGACY_COUNT.apply(s.withRetentionDays(30), "5").retentionDays()).isEqualTo(30);
        for (String bad : List.of("-1", "3651", "seven", "")) {
            assertThatThrownBy(() -> Setting.RETENTION_DAYS.apply(s, bad)).isInstanceOf(RoamdeskException.class);
        }
    }
}
