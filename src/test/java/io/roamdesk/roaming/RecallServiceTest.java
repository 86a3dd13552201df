package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.Setting;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.enums.ConversationChatType;
import io.roamdesk.roaming.RecallService.RecallRequest;
import io.roamdesk.roaming.RecallService.Recalled;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Recall through the audited service, as the REST API and the console call it. */
@IntegrationTest
class RecallServiceTest {

    private static final Actor APP = Actor.apiClient("test-client");

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;
    @Autowired
    GroupService groups;
    @Autowired
    AppService apps;
    @Autowired
    AuditedActions audited;
    @Autowired
    DSLContext db;
    @Autowired
    ConversationService conversations;

    private List<Long> visible(App app, String owner, ChatType type, String conv) {
        return HistoryWalk.ids(history, app, HistoryRequest.newest(owner, type, conv, 50));
    }

    private @Nullable Long latest(App app, String owner, ChatType type, String conv) {
        return db.select(CONVERSATION.LATEST_VISIBLE_MSG_ID).from(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(app.appId()), CONVERSATION.OWNER.eq(owner),
                        CONVERSATION.CHAT_TYPE.eq(type == ChatType.CHAT ? ConversationChatType.chat : ConversationChatType.groupchat),
                        CONVERSATION.CONV_ID.eq(conv))
                .fetchOne(CONVERSATION.LATEST_VISIBLE_MSG_ID);
    }

    private Recalled recall(App app, RecallRequest r, @Nullable String asUser) {
        return audited.recall(asUser == null ? APP : Actor.endUser(asUser), app, List.of(r), asUser, null).get(0);
    }

    private int audits(App app, String outcome) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.APP_ID.eq(app.appId()).and(AUDIT_EVENT.ACTION.eq("RECALL"))
                .and(AUDIT_EVENT.OUTCOME.eq(outcome)));
    }

    /** Everything a refused recall must leave as it was: messages and every conversation row. */
    private List<Object> state(App app) {
        return List.of(db.selectFrom(MESSAGE).where(MESSAGE.APP_ID.eq(app.appId())).orderBy(MESSAGE.MSG_ID).fetch().toString(),
                db.selectFrom(CONVERSATION).where(CONVERSATION.APP_ID.eq(app.appId()))
                        .orderBy(CONVERSATION.OWNER, CONVERSATION.CONV_ID).fetch().toString());
    }

    @Test
    void aRecalledMessageIsGoneForBothSidesAndBothRowsShowTheMessageBeforeIt() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "bob", "alice", "two");
        long m3 = chats.text(app, "alice", "bob", "three");

        Recalled r = recall(app, new RecallRequest(m3, "bob", ChatType.CHAT, "alice", false), null);

        assertThat(r.alreadyGone()).isFalse();
        assertThat(r.sender()).isEqualTo("alice");
        assertThat(visible(app, "alice", ChatType.CHAT, "bob")).containsExactly(m2, m1);
        assertThat(visible(app, "bob", ChatType.CHAT, "alice")).containsExactly(m2, m1);
        assertThat(latest(app, "alice", ChatType.CHAT, "bob")).isEqualTo(m2);
        assertThat(latest(app, "bob", ChatType.CHAT, "alice")).isEqualTo(m2);
        assertThat(audits(app, "SUCCESS")).isEqualTo(1);
        // from and to may name the chat either way round
        recall(app, new RecallRequest(m1, "alice", ChatType.CHAT, "bob", false), null);
        assertThat(visible(app, "bob", ChatType.CHAT, "alice")).containsExactly(m2);
    }

    @Test
    void eachSideMovesBackToWhatItStillSees() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "alice", "bob", "two");
        long m3 = chats.text(app, "alice", "bob", "three");
        deletions.deleteByIds(app, ConversationRef.of("bob", ChatType.CHAT, "alice"), List.of(m2));

        recall(app, new RecallRequest(m3, "bob", ChatType.CHAT, "alice", false), null);

        assertThat(latest(app, "alice", ChatType.CHAT, "bob")).isEqualTo(m2);
        assertThat(latest(app, "bob", ChatType.CHAT, "alice")).isEqualTo(m1);
        // the only message left for bob recalled too: nothing visible, not listed
        recall(app, new RecallRequest(m1, "bob", ChatType.CHAT, "alice", false), null);
        assertThat(latest(app, "bob", ChatType.CHAT, "alice")).isNull();
        assertThat(latest(app, "alice", ChatType.CHAT, "bob")).isEqualTo(m2);
    }

    @Test
    void aGroupMessageIsGoneForEveryMember() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol", "dave"));
        long g1 = chats.toGroup(app, "bob", "team", "first");
        long g2 = chats.toGroup(app, "carol", "team", "second");
        deletions.deleteBefore(app, ConversationRef.of("dave", ChatType.GROUPCHAT, "team"),
                io.roamdesk.core.Snowflake.timestampOf(g1));

        recall(app, new RecallRequest(g2, "team", ChatType.GROUPCHAT, null, false), null);

        for (String member : List.of("alice", "bob", "carol")) {
            assertThat(visible(app, member, ChatType.GROUPCHAT, "team")).as(member).containsExactly(g1);
            assertThat(latest(app, member, ChatType.GROUPCHAT, "team")).as(member).isEqualTo(g1);
        }
        // dave had cleared up to g1: he sees nothing now
        assertThat(visible(app, "dave", ChatType.GROUPCHAT, "team")).isEmpty();
        assertThat(latest(app, "dave", ChatType.GROUPCHAT, "team")).isNull();
    }

    @Test
    void aFormerMembersListNeverShowsTheRecalledMessage() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        long g1 = chats.toGroup(app, "alice", "team", "regrettable");
        groups.removeMembers(app, "team", List.of("carol"));

        recall(app, new RecallRequest(g1, "team", ChatType.GROUPCHAT, null, false), null);

        var carols = conversations.page(app, "carol", 1, 20).stream().filter(c -> c.convId().equals("team")).toList();
        assertThat(carols).allSatisfy(c -> assertThat(c.latest()).as("carol's latest message of team").isNull());
        assertThat(visible(app, "carol", ChatType.GROUPCHAT, "team")).doesNotContain(g1);
    }

    @Test
    void outsideTheWindowOnlyAForcedRecallGoesThrough() throws InterruptedException {
        App app = testApps.createRoaming();
        app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.RECALL_WINDOW, "1", "test", "short window");
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "alice", "bob", "two");
        // within the window
        recall(app, new RecallRequest(m2, "bob", ChatType.CHAT, "alice", false), "alice");
        Thread.sleep(1_200);
        var before = state(app);
        App late = app;
        assertThatThrownBy(() -> recall(late, new RecallRequest(m1, "bob", ChatType.CHAT, "alice", false), "alice"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> {
                    assertThat(e.kind().httpStatus()).isEqualTo(403);
                    assertThat(e.description()).isEqualTo(RecallService.EXCEEDED);
                });
        assertThat(state(app)).isEqualTo(before);
        assertThat(audits(app, "FAILURE")).isEqualTo(1);
        // recalled within the window, recalled again after it: still the same answer
        assertThat(recall(late, new RecallRequest(m2, "bob", ChatType.CHAT, "alice", false), "alice").alreadyGone()).isTrue();
        // a user token never forces
        assertThatThrownBy(() -> recall(late, new RecallRequest(m1, "bob", ChatType.CHAT, "alice", true), "alice"))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(403));
        assertThat(state(app)).isEqualTo(before);
        // the app does
        recall(app, new RecallRequest(m1, "bob", ChatType.CHAT, "alice", true), null);
        assertThat(visible(app, "bob", ChatType.CHAT, "alice")).isEmpty();
    }

    @Test
    void aUserRecallsOnlyWhatItSent() {
        App app = testApps.createRoaming();
        long fromAlice = chats.text(app, "alice", "bob", "mine");
        long fromBob = chats.text(app, "bob", "alice", "his");
        var before = state(app);
        List<RecallRequest> refused = List.of(
                new RecallRequest(fromBob, "bob", ChatType.CHAT, "alice", false),
                new RecallRequest(fromBob, "bob", ChatType.CHAT, null, false),
                new RecallRequest(fromBob, "alice", ChatType.CHAT, "bob", false));
        for (RecallRequest r : refused) {
            assertThatThrownBy(() -> recall(app, r, "alice")).as(r.toString())
                    .isInstanceOfSatisfying(RoamdeskException.class, e -> {
                        assertThat(e.kind().httpStatus()).isEqualTo(403);
                        assertThat(e.code()).isEqualTo("forbidden_op");
                    });
        }
        assertThat(state(app)).isEqualTo(before);
        // from defaults to the token's user
        recall(app, new RecallRequest(fromAlice, "bob", ChatType.CHAT, null, false), "alice");
        assertThat(visible(app, "bob", ChatType.CHAT, "alice")).containsExactly(fromBob);
    }

    @Test
    void recallingTwiceAnswersTheSameAndChangesNothing() {
        App app = testApps.createRoaming();
        long m1 = chats.text(app, "alice", "bob", "one");
        long m2 = chats.text(app, "alice", "bob", "two");
        recall(app, new RecallRequest(m2, "bob", ChatType.CHAT, "alice", false), null);
        var before = state(app);

        Recalled again = recall(app, new RecallRequest(m2, "bob", ChatType.CHAT, "alice", false), null);

        assertThat(again.alreadyGone()).isTrue();
        assertThat(again.msgId()).isEqualTo(m2);
        assertThat(state(app)).isEqualTo(before);
        assertThat(latest(app, "bob", ChatType.CHAT, "alice")).isEqualTo(m1);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob"));
        long chat = chats.text(app, "alice", "bob", "one");
        long other = chats.text(app, "alice", "carol", "to carol");
        long group = chats.toGroup(app, "alice", "team", "to the team");
        var before = state(app);
        List<RecallRequest> bad = new ArrayList<>(List.of(
                new RecallRequest(chat + 12345, "bob", ChatType.CHAT, "alice", false), // unknown id
                new RecallRequest(other, "bob", ChatType.CHAT, "alice", false), // a message of another chat
                new RecallRequest(group, "bob", ChatType.CHAT, "alice", false), // a group message as a chat's
                new RecallRequest(chat, "team", ChatType.GROUPCHAT, null, false), // a chat message as the group's
                new RecallRequest(chat, "nobody-group", ChatType.GROUPCHAT, null, false), // no such group
                new RecallRequest(chat, "alice", ChatType.CHAT, "alice", false), // not a chat
                new RecallRequest(chat, "Bad Name!", ChatType.CHAT, "alice", false)));
        for (RecallRequest r : bad) {
            assertThatThrownBy(() -> recall(app, r, null)).as(r.toString())
                    .isInstanceOfSatisfying(RoamdeskException.class,
                            e -> assertThat(e.kind().httpStatus()).isBetween(400, 404));
        }
        // a list is all or none: one bad message refuses the good one too
        assertThatThrownBy(() -> audited.recall(APP, app, List.of(new RecallRequest(chat, "bob", ChatType.CHAT, "alice", false),
                new RecallRequest(other, "bob", ChatType.CHAT, "alice", false)), null, null))
                .isInstanceOf(RoamdeskException.class);
        assertThat(state(app)).isEqualTo(before);
        assertThat(audits(app, "SUCCESS")).isZero();
    }

    @Test
    void theConsolesRecallPreviewsEveryParticipantAndIgnoresTheWindow() throws InterruptedException {
        App app = testApps.createRoaming();
        app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.RECALL_WINDOW, "1", "test", "short window");
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        long g1 = chats.toGroup(app, "bob", "team", "first");
        long g2 = chats.toGroup(app, "bob", "team", "second");
        Thread.sleep(1_100);
        ConversationRef asCarol = ConversationRef.of("carol", ChatType.GROUPCHAT, "team");
        App shown = app;
        RecallService.RecallPreview p = audited.preview(Actor.apiClient("x"), app, "carol", asCarol, "RECALL",
                () -> recallService.preview(shown, asCarol, g2));
        assertThat(p.affectedUsers()).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(p.withinWindow()).isFalse();

        audited.recallInConversation(new Actor("admin", "APP_ADMIN"), app, asCarol, g2, "abuse");

        for (String member : List.of("alice", "bob", "carol")) {
            assertThat(visible(app, member, ChatType.GROUPCHAT, "team")).as(member).containsExactly(g1);
        }
        assertThat(recallService.preview(app, asCarol, g2).alreadyGone()).isTrue();
    }

    @Autowired
    RecallService recallService;
}
