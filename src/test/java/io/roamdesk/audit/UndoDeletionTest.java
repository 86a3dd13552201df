package io.roamdesk.audit;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.jooq.Tables.DELETION_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Snowflake;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.DeletionEntry;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.OneWayDeletion;
import io.roamdesk.roaming.UndoService;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class UndoDeletionTest {

    private static final Actor AGENT = new Actor("agent-sue", "SUPPORT");

    @Autowired
    AuditedActions audited;
    @Autowired
    UndoService undo;
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

    private List<Long> visible(App app, String owner, String peer) {
        return HistoryWalk.ids(history, app, HistoryRequest.newest(owner, ChatType.CHAT, peer, 50));
    }

    private List<String> listed(App app, String owner) {
        return conversations.page(app, owner, 1, 50).stream().map(ConversationEntry::convId).toList();
    }

    private long latestOf(App app, String owner, String peer) {
        return conversations.page(app, owner, 1, 50).stream().filter(c -> c.convId().equals(peer)).findFirst()
                .orElseThrow().latest().msgId();
    }

    @Test
    void undoingADeleteByIdsShowsExactlyThoseMessagesAgainAndKeepsWhatArrivedMeanwhile() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "bob", "alice", "two");
        long m3 = chats.text(app, "alice", "bob", "three");
        OneWayDeletion d = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m2, m3), "user asked");
        assertThat(d.count()).isEqualTo(2);
        assertThat(latestOf(app, "alice", "bob")).isEqualTo(m1);
        long m4 = chats.text(app, "bob", "alice", "four, meanwhile");

        UndoService.Undone u = audited.undoDeletion(AGENT, app, "alice", d.deletionId(), "deleted the wrong ones");

        assertThat(u.entry().undone()).isTrue();
        assertThat(visible(app, "alice", "bob")).containsExactly(m4, m3, m2, m1);
        assertThat(latestOf(app, "alice", "bob")).isEqualTo(m4);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.APP_ID.eq(app.appId())
                .and(AUDIT_EVENT.ACTION.eq(AuditAction.UNDO_DELETION.name()))
                .and(AUDIT_EVENT.REASON.eq("deleted the wrong ones")))).isEqualTo(1);
    }

    @Test
    void undoingADeleteBeforeBringsTheConversationBackButKeepsWhatAnotherDeletionStillHides() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "bob", "alice", "two");
        OneWayDeletion single = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1), null);
        OneWayDeletion before = audited.oneWayBefore(AGENT, app, aliceBob, Snowflake.timestampOf(m2), "clean up");
        assertThat(visible(app, "alice", "bob")).isEmpty();
        assertThat(listed(app, "alice")).doesNotContain("bob");

        audited.undoDeletion(AGENT, app, "alice", before.deletionId(), "too much");

        assertThat(visible(app, "alice", "bob")).containsExactly(m2);
        assertThat(listed(app, "alice")).contains("bob");
        assertThat(latestOf(app, "alice", "bob")).isEqualTo(m2);
        assertThat(single.count()).isEqualTo(1);
        assertThat(visible(app, "bob", "alice")).containsExactly(m2, m1);
    }

    @Test
    void undoingAClearAllRestoresEveryConversationAndItsLatestMessage() {
        App app = testApps.createRoaming();
        long toBob = chats.text(app, "alice", "bob", "hi bob");
        long toCarol = chats.text(app, "carol", "alice", "hi alice");
        OneWayDeletion all = audited.oneWayClearAll(AGENT, app, "alice", "user asked for a fresh start");
        assertThat(listed(app, "alice")).isEmpty();

        UndoService.Undone u = audited.undoDeletion(AGENT, app, "alice", all.deletionId(), "user changed their mind");

        assertThat(u.conversations()).isEqualTo(2);
        assertThat(listed(app, "alice")).containsExactly("carol", "bob");
        assertThat(latestOf(app, "alice", "bob")).isEqualTo(toBob);
        assertThat(latestOf(app, "alice", "carol")).isEqualTo(toCarol);
        DeletionEntry entry = undo.recent(app, "alice", Long.MAX_VALUE, 10).get(0);
        assertThat(entry.kind()).isEqualTo(DeletionEntry.Kind.ALL);
        assertThat(entry.undoneBy()).isEqualTo(AGENT.name());
        assertThat(entry.reason()).isEqualTo("user asked for a fresh start");
    }

    @Test
    void aSecondUndoAnExpiredOneAndOneWithoutReasonOrRoleAreRefusedAndChangeNothing() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        OneWayDeletion d = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1), null);

        assertThatThrownBy(() -> audited.undoDeletion(AGENT, app, "alice", d.deletionId(), " "))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(400));
        assertThatThrownBy(() -> audited.undoDeletion(new Actor("aud", "AUDITOR"), app, "alice", d.deletionId(), "peek"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(403));
        assertThatThrownBy(() -> audited.undoDeletion(Actor.endUser("alice"), app, "alice", d.deletionId(), "mine"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(403));
        assertThatThrownBy(() -> audited.undoDeletion(AGENT, app, "bob", d.deletionId(), "wrong user"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(404));
        assertThat(visible(app, "alice", "bob")).isEmpty();

        // 31 minutes ago: outside the default window of 30
        db.update(DELETION_LOG).set(DELETION_LOG.DELETED_AT, DELETION_LOG.DELETED_AT.minus(31 * 60_000L))
                .where(DELETION_LOG.APP_ID.eq(app.appId())).and(DELETION_LOG.DELETION_ID.eq(d.deletionId())).execute();
        assertThatThrownBy(() -> audited.undoDeletion(AGENT, app, "alice", d.deletionId(), "too late"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> {
                    assertThat(e.kind().httpStatus()).isEqualTo(400);
                    assertThat(e.description()).contains("undo window of 30 minutes");
                });
        assertThat(visible(app, "alice", "bob")).isEmpty();
        assertThat(undo.recent(app, "alice", Long.MAX_VALUE, 10).get(0).undone()).isFalse();
    }

    @Test
    void anUndoIsTakenOnceAndNotAtAllWhenTheAppSwitchedUndoOff() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        OneWayDeletion d = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1), null);
        audited.undoDeletion(AGENT, app, "alice", d.deletionId(), "oops");
        OneWayDeletion again = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1), null);
        assertThatThrownBy(() -> audited.undoDeletion(AGENT, app, "alice", d.deletionId(), "twice"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(409));
        assertThat(visible(app, "alice", "bob")).as("the second deletion still hides it").isEmpty();

        App off = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withUndoWindowMinutes(0));
        long n1 = chats.text(off, "alice", "bob", "one");
        OneWayDeletion d2 = audited.oneWayByIds(AGENT, off, aliceBob, List.of(n1), null);
        assertThatThrownBy(() -> audited.undoDeletion(AGENT, off, "alice", d2.deletionId(), "please"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.description()).isEqualTo(UndoService.UNDO_OFF));
        assertThat(visible(off, "alice", "bob")).isEmpty();
        assertThat(again.deletionId()).isNotEqualTo(d.deletionId());
    }

    @Test
    void undoingOneOfTwoOverlappingDeletionsKeepsHiddenWhatTheOtherStillHides() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "bob", "alice", "two");
        long m3 = chats.text(app, "alice", "bob", "three");
        OneWayDeletion first = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1), null);
        OneWayDeletion second = audited.oneWayByIds(AGENT, app, aliceBob, List.of(m1, m2), null);
        audited.undoDeletion(AGENT, app, "alice", first.deletionId(), "first one");
        assertThat(visible(app, "alice", "bob")).containsExactly(m3);
        audited.undoDeletion(AGENT, app, "alice", second.deletionId(), "second one");
        assertThat(visible(app, "alice", "bob")).containsExactly(m3, m2, m1);

        OneWayDeletion upToTwo = audited.oneWayBefore(AGENT, app, aliceBob, Snowflake.timestampOf(m2), null);
        OneWayDeletion upToOne = audited.oneWayBefore(AGENT, app, aliceBob, Snowflake.timestampOf(m1), null);
        audited.undoDeletion(AGENT, app, "alice", upToTwo.deletionId(), "the later cut");
        assertThat(visible(app, "alice", "bob")).containsExactly(m3, m2);
        audited.undoDeletion(AGENT, app, "alice", upToOne.deletionId(), "the earlier cut");
        assertThat(visible(app, "alice", "bob")).containsExactly(m3, m2, m1);
    }
}
