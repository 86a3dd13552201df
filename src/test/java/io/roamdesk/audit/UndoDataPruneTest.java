package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.DELETION_HIDDEN;
import static io.roamdesk.jooq.Tables.DELETION_LOG;
import static io.roamdesk.jooq.Tables.DELETION_WATERMARK;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.core.Snowflake;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.OneWayDeletion;
import io.roamdesk.roaming.UndoDataPrune;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Undo data past the longest undo window goes; what the deletions hide, and every later undo, stay exact. */
@IntegrationTest
class UndoDataPruneTest {

    private static final Actor AGENT = new Actor("agent-sue", "SUPPORT");

    @Autowired
    AuditedActions audited;
    @Autowired
    UndoDataPrune prune;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    ConversationService conversations;
    @Autowired
    DSLContext db;

    private final ConversationRef aliceBob = ConversationRef.of("alice", ChatType.CHAT, "bob");
    private final ConversationRef aliceCarol = ConversationRef.of("alice", ChatType.CHAT, "carol");

    private List<Long> visible(App app, String peer) {
        return HistoryWalk.ids(history, app, HistoryRequest.newest("alice", ChatType.CHAT, peer, 50));
    }

    private List<String> listed(App app) {
        return conversations.page(app, "alice", 1, 50).stream().map(ConversationEntry::convId).toList();
    }

    /** Moves a deletion back in time, as if it had been made {@code age} ago. */
    private void age(App app, OneWayDeletion d, Duration age) {
        db.update(DELETION_LOG).set(DELETION_LOG.DELETED_AT, DELETION_LOG.DELETED_AT.minus(age.toMillis()))
                .where(DELETION_LOG.APP_ID.eq(app.appId())).and(DELETION_LOG.DELETION_ID.eq(d.deletionId())).execute();
    }

    private int askedRows(App app, OneWayDeletion d) {
        return db.fetchCount(DELETION_HIDDEN, DELETION_HIDDEN.APP_ID.eq(app.appId())
                .and(DELETION_HIDDEN.DELETION_ID.eq(d.deletionId())));
    }

    @Test
    void anOldDeleteByIdsLosesItsUndoDataButKeepsHidingWhatAYoungerUndoneOneAlsoAskedFor() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "bob", "alice", "two");
        long m3 = chats.text(app, "alice", "bob", "three");
        long m4 = chats.text(app, "bob", "alice", "four");
        OneWayDeletion old = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1, m2), "a week ago");
        age(app, old, Duration.ofDays(8));
        OneWayDeletion young = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m2, m3), "today");

        assertThat(prune.prune(app, System.currentTimeMillis())).isEqualTo(1);

        assertThat(askedRows(app, old)).isZero();
        assertThat(askedRows(app, young)).isEqualTo(2);
        assertThat(db.fetchOne(DELETION_LOG, DELETION_LOG.APP_ID.eq(app.appId())
                .and(DELETION_LOG.DELETION_ID.eq(old.deletionId()))).getUndoPrunedAt()).isNotNull();
        assertThat(visible(app, "bob")).containsExactly(m4);

        audited.undoDeletion(AGENT, app, "alice", young.deletionId(), "wrong ones");

        assertThat(visible(app, "bob")).as("the old deletion still hides m2").containsExactly(m4, m3);
        assertThat(prune.prune(app, System.currentTimeMillis())).as("a second pass has nothing to do").isZero();
    }

    @Test
    void anOldClearAllsWatermarksBecomeTheBaseTheYoungerDeletionsFallBackTo() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long c1 = chats.text(app, "carol", "alice", "hi alice");
        OneWayDeletion old = audited.oneWayClearAll(AGENT, app, "alice", "fresh start, a week ago");
        age(app, old, Duration.ofDays(8));
        long m2 = chats.text(app, "bob", "alice", "two");
        OneWayDeletion upToTwo = audited.oneWayBefore(AGENT, app, aliceBob, Snowflake.timestampOf(m2), "today");
        long m3 = chats.text(app, "alice", "bob", "three");
        OneWayDeletion upToThree = audited.oneWayBefore(AGENT, app, aliceBob, Snowflake.timestampOf(m3), "today");
        // upToThree's row remembers m2 as the watermark it found; that no longer holds once upToTwo is undone
        audited.undoDeletion(AGENT, app, "alice", upToTwo.deletionId(), "one cut is enough");
        assertThat(visible(app, "bob")).isEmpty();

        assertThat(prune.prune(app, System.currentTimeMillis())).isEqualTo(1);

        assertThat(db.fetchCount(DELETION_WATERMARK, DELETION_WATERMARK.APP_ID.eq(app.appId())
                .and(DELETION_WATERMARK.DELETION_ID.eq(old.deletionId())))).isZero();
        audited.undoDeletion(AGENT, app, "alice", upToThree.deletionId(), "too much");

        assertThat(visible(app, "bob")).as("only the clear-all hides m1 now").containsExactly(m3, m2);
        assertThat(visible(app, "carol")).doesNotContain(c1).isEmpty();
        assertThat(listed(app)).containsExactly("bob");
    }

    @Test
    void aDeletionInsideTheLongestWindowKeepsItsUndoData() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true)
                .withUndoWindowMinutes(7 * 24 * 60));
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "alice", "carol", "two");
        OneWayDeletion byIds = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1), "six days ago");
        OneWayDeletion before = audited.oneWayBefore(AGENT, app, aliceCarol, Snowflake.timestampOf(m2), "six days ago");
        age(app, byIds, Duration.ofDays(6));
        age(app, before, Duration.ofDays(6));

        assertThat(prune.prune(app, System.currentTimeMillis())).isZero();

        audited.undoDeletion(AGENT, app, "alice", byIds.deletionId(), "still inside the week");
        audited.undoDeletion(AGENT, app, "alice", before.deletionId(), "still inside the week");
        assertThat(visible(app, "bob")).containsExactly(m1);
        assertThat(visible(app, "carol")).containsExactly(m2);
    }
}
