package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import io.roamdesk.app.Setting;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.SqlCapture;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RoamingServiceTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    ConversationService conversations;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;
    @Autowired
    GroupService groups;
    @Autowired
    AppService apps;

    private List<String> listed(App app, String owner) {
        return conversations.page(app, owner, 1, 50).stream().map(ConversationEntry::convId).toList();
    }

    /** Messages m{from}… m{to - 1}, alice and bob taking turns (alice on even numbers); their ids. */
    private List<Long> aliceAndBobTalk(App app, int from, int to) {
        List<Long> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(chats.text(app, i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice", "m" + i));
        }
        return ids;
    }

    private List<Long> allVisible(App app, String owner, ChatType type, String conv) {
        return HistoryWalk.ids(history, app, HistoryRequest.newest(owner, type, conv, 50));
    }

    @Test
    void aSendToAGroupNeedsTheGroupAndAMemberAsSenderAndWritesNothingOtherwise() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "ann", List.of("ben"));
        assertThatThrownBy(() -> chats.send(app, "ann", ChatType.GROUPCHAT, "no-such-group", "hi", Origin.SDK))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.code()).isEqualTo("resource_not_found"));
        assertThatThrownBy(() -> chats.send(app, "cat", ChatType.GROUPCHAT, "team", "hi", Origin.SDK))
                .isInstanceOfSatisfying(RoamdeskException.class, e -> assertThat(e.code()).isEqualTo("forbidden_op"));
        assertThat(allVisible(app, "ann", ChatType.GROUPCHAT, "team")).as("refused sends wrote nothing").isEmpty();
        // the app's back end may post as anyone; a member as themselves
        long admin = chats.send(app, "admin", ChatType.GROUPCHAT, "team", "welcome", Origin.REST);
        long ben = chats.send(app, "ben", ChatType.GROUPCHAT, "team", "thanks", Origin.SDK);
        assertThat(allVisible(app, "ann", ChatType.GROUPCHAT, "team")).containsExactlyInAnyOrder(ben, admin);
    }

    @Test
    void aMessageMovesTheConversationToTheTopOfBothListsWithItsLatestMessage() {
        App app = testApps.createRoaming();
        chats.text(app, "alice", "bob", "hi bob");
        chats.text(app, "alice", "carol", "hi carol");
        assertThat(listed(app, "alice")).containsExactly("carol", "bob");
        long last = chats.text(app, "bob", "alice", "hello again");
        assertThat(listed(app, "alice")).containsExactly("bob", "carol");
        ConversationEntry top = conversations.page(app, "alice", 1, 20).get(0);
        assertThat(top.latest().msgId()).isEqualTo(last);
        assertThat(top.latest().body()).contains("hello again");
        assertThat(listed(app, "bob")).containsExactly("alice");
    }

    @Test
    void aGroupMessageReachesTheListOfEveryOneOfTwoThousandMembers() {
        App app = testApps.createRoaming();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            members.add("m" + i);
        }
        groups.createGroup(app, "big", "Big group", "m0", members);
        SqlCapture.start();
        long id = chats.toGroup(app, "m5", "big", "hello everyone");
        List<String> statements = SqlCapture.stop();
        for (String m : List.of("m0", "m999", "m1999")) {
            ConversationEntry c = conversations.page(app, m, 1, 20).get(0);
            assertThat(c.convId()).isEqualTo("big");
            assertThat(c.chatType()).isEqualTo(ChatType.GROUPCHAT);
            assertThat(c.latest().msgId()).isEqualTo(id);
        }
        // the fan-out is set-based: a handful of statements, not one per member (timings: docs/benchmarks.md)
        assertThat(statements.stream().filter(q -> q.contains("`conversation`")).count())
                .as("statements on the conversation index for 2,000 members: " + statements).isBetween(1L, 10L);
    }

    @Test
    void restSentLatestMessagesStayOutOfTheListUnlessTheAppLetsThemIn() {
        App app = testApps.createRoaming();
        chats.text(app, "alice", "bob", "from the app");
        chats.send(app, "system", ChatType.CHAT, "alice", "your order shipped", Origin.REST);
        assertThat(listed(app, "alice")).containsExactly("bob");
        App changed = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.REST_IN_LIST, "true", "admin", "test");
        assertThat(listed(changed, "alice")).containsExactly("system", "bob");
    }

    @Test
    void theListShowsAtMostTheAppsCapAndPagesWithinIt() {
        App app = testApps.createRoaming();
        app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.CONVERSATION_CAP, "5", "admin", "test");
        for (int i = 0; i < 8; i++) {
            chats.text(app, "peer" + i, "owner", "msg " + i);
        }
        assertThat(listed(app, "owner")).containsExactly("peer7", "peer6", "peer5", "peer4", "peer3");
        assertThat(conversations.page(app, "owner", 2, 3)).extracting(ConversationEntry::convId).containsExactly("peer4", "peer3");
        assertThat(conversations.page(app, "owner", 3, 3)).isEmpty();
        ConversationPage first = conversations.cursorPage(app, "owner", null, 3);
        ConversationPage second = conversations.cursorPage(app, "owner", first.nextCursor(), 3);
        assertThat(second.conversations()).extracting(ConversationEntry::convId).containsExactly("peer4", "peer3");
        assertThat(second.isLast()).isTrue();
    }

    @Test
    void historyPagesInBothDirectionsWithoutGapsOrRepeats() {
        App app = testApps.createRoaming();
        List<Long> sent = aliceAndBobTalk(app, 0, 23);
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).isEqualTo(reversed(sent));
        List<Long> down = HistoryWalk.ids(history, app,
                new HistoryRequest("alice", ChatType.CHAT, "bob", null, null, Direction.DOWN, 10, HistoryFilter.none()));
        assertThat(down).isEqualTo(sent);
        HistoryPage fromMiddle = history.fetch(app, new HistoryRequest("alice", ChatType.CHAT, "bob", null, sent.get(10),
                Direction.UP, 50, HistoryFilter.none()));
        assertThat(fromMiddle.messages()).extracting(MessageEntry::msgId).isEqualTo(reversed(sent.subList(0, 10)));
        assertThat(fromMiddle.isLast()).isTrue();
    }

    @Test
    void pageSizeFiftyIsAllowedAndFiftyOneIsRefused() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 55; i++) {
            chats.text(app, "alice", "bob", "m" + i);
        }
        assertThat(history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 50)).messages()).hasSize(50);
        assertThatThrownBy(() -> history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 51)))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> conversations.page(app, "alice", 1, 51)).isInstanceOf(RoamdeskException.class);
        assertThatThrownBy(() -> history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 0)))
                .isInstanceOf(RoamdeskException.class);
    }

    @Test
    void aCursorOfAnotherConversationIsRefused() {
        App app = testApps.createRoaming();
        for (int i = 0; i < 3; i++) {
            chats.text(app, "alice", "bob", "m" + i);
            chats.text(app, "alice", "carol", "m" + i);
        }
        String cursor = history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 1)).nextCursor();
        assertThatThrownBy(() -> history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "carol", 1).withCursor(cursor)))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("another conversation");
        assertThatThrownBy(() -> history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 1).withCursor("garbage!")))
                .isInstanceOf(RoamdeskException.class);
    }

    @Test
    void historyFiltersBySenderTypeAndTime() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        long a1 = chats.toGroup(app, "alice", "team", "a1");
        chats.toGroup(app, "bob", "team", "b1");
        long a2 = chats.toGroup(app, "alice", "team", "a2");
        HistoryRequest bySender = new HistoryRequest("carol", ChatType.GROUPCHAT, "team", null, null, Direction.UP, 10,
                new HistoryFilter(null, null, "alice", java.util.Set.of(BodyType.TXT)));
        assertThat(history.fetch(app, bySender).messages()).extracting(MessageEntry::msgId).containsExactly(a2, a1);
        HistoryRequest byImage = new HistoryRequest("carol", ChatType.GROUPCHAT, "team", null, null, Direction.UP, 10,
                new HistoryFilter(null, null, null, java.util.Set.of(BodyType.IMG)));
        assertThat(history.fetch(app, byImage).messages()).isEmpty();
        long t = io.roamdesk.core.Snowflake.timestampOf(a2);
        HistoryRequest byTime = new HistoryRequest("carol", ChatType.GROUPCHAT, "team", null, null, Direction.UP, 10,
                new HistoryFilter(t, t, null, java.util.Set.of()));
        assertThat(history.fetch(app, byTime).messages()).extracting(MessageEntry::msgId).contains(a2);
        assertThat(history.fetch(app, byTime).messages()).allSatisfy(m -> assertThat(m.timestamp()).isEqualTo(t));
    }

    @Test
    void oneWayDeleteByIdsHidesOnlyForTheOwnerAndIsIdempotent() {
        App app = testApps.createRoaming();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(chats.text(app, "alice", "bob", "m" + i));
        }
        ConversationRef aliceView = ConversationRef.of("alice", ChatType.CHAT, "bob");
        assertThat(deletions.deleteByIds(app, aliceView, ids.subList(1, 4))).isEqualTo(3);
        assertThat(deletions.deleteByIds(app, aliceView, ids.subList(1, 4))).isZero();
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(ids.get(4), ids.get(0));
        assertThat(allVisible(app, "bob", ChatType.CHAT, "alice")).hasSize(5);
        deletions.deleteByIds(app, aliceView, List.of(ids.get(4)));
        assertThat(conversations.page(app, "alice", 1, 20).get(0).latest().msgId()).isEqualTo(ids.get(0));
        deletions.deleteByIds(app, aliceView, List.of(ids.get(0)));
        assertThat(listed(app, "alice")).isEmpty();
        assertThat(listed(app, "bob")).containsExactly("alice");
    }

    @Test
    void hidingTheNewestMessagesFiftyAtATimeKeepsListAndFirstPageOnTheNewestStillVisible() {
        App app = testApps.createRoaming();
        List<Long> ids = aliceAndBobTalk(app, 0, 11);
        sleepPastMillisecond(); // the time cut below falls between the 11th and 12th message
        ids.addAll(aliceAndBobTalk(app, 11, 130));
        ConversationRef aliceView = ConversationRef.of("alice", ChatType.CHAT, "bob");
        assertThat(deletions.deleteByIds(app, aliceView, ids.subList(80, 130))).isEqualTo(50);
        assertThat(deletions.deleteByIds(app, aliceView, ids.subList(30, 80))).isEqualTo(50);
        assertThat(conversations.page(app, "alice", 1, 20).get(0).latest().msgId()).isEqualTo(ids.get(29));
        assertThat(newest(app, "alice", 3)).containsExactly(ids.get(29), ids.get(28), ids.get(27));
        // hiding an older message, or everything before an older time, leaves the newest visible one in place
        deletions.deleteByIds(app, aliceView, List.of(ids.get(5)));
        deletions.deleteBefore(app, aliceView, io.roamdesk.core.Snowflake.timestampOf(ids.get(10)));
        assertThat(conversations.page(app, "alice", 1, 20).get(0).latest().msgId()).isEqualTo(ids.get(29));
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).hasSize(19).startsWith(ids.get(29)).endsWith(ids.get(11));
        // a new message goes on top; the first page then runs on past the hidden block
        long later = chats.text(app, "bob", "alice", "still there?");
        assertThat(newest(app, "alice", 3)).containsExactly(later, ids.get(29), ids.get(28));
        assertThat(newest(app, "bob", 2)).containsExactly(later, ids.get(129));
    }

    private List<Long> newest(App app, String owner, int size) {
        String peer = owner.equals("alice") ? "bob" : "alice";
        return history.fetch(app, HistoryRequest.newest(owner, ChatType.CHAT, peer, size)).messages().stream()
                .map(MessageEntry::msgId).toList();
    }

    @Test
    void fiftyOneIdsOrAnIdOfAnotherConversationChangeNothing() {
        App app = testApps.createRoaming();
        long mine = chats.text(app, "alice", "bob", "keep me");
        long other = chats.text(app, "alice", "carol", "not this conversation");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        List<Long> tooMany = LongStream.range(0, 51).map(i -> mine).boxed().toList();
        assertThatThrownBy(() -> deletions.deleteByIds(app, ref, tooMany))
                .isInstanceOf(RoamdeskException.class).hasMessage("delete msg list limit can not greater than 50");
        assertThatThrownBy(() -> deletions.deleteByIds(app, ref, List.of(mine, other)))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("does not belong");
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(mine);
    }

    @Test
    void oneWayDeleteByTimeHidesEverythingAtOrBeforeTheTime() {
        App app = testApps.createRoaming();
        long first = chats.text(app, "alice", "bob", "old");
        long second = chats.text(app, "alice", "bob", "older than cut");
        sleepPastMillisecond();
        long third = chats.text(app, "alice", "bob", "new");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        assertThat(deletions.previewBefore(app, ref, io.roamdesk.core.Snowflake.timestampOf(second)).messages()).isEqualTo(2);
        deletions.deleteBefore(app, ref, io.roamdesk.core.Snowflake.timestampOf(second));
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(third);
        assertThat(allVisible(app, "bob", ChatType.CHAT, "alice")).containsExactly(third, second, first);
        deletions.deleteBefore(app, ref, io.roamdesk.core.Snowflake.timestampOf(third));
        assertThat(listed(app, "alice")).isEmpty();
        long later = chats.text(app, "bob", "alice", "are you there?");
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(later);
        assertThat(listed(app, "alice")).containsExactly("bob");
    }

    @Test
    void aDeleteByTimeSlightlyAheadHidesNothingSentAfterIt() {
        App app = testApps.createRoaming();
        long before = chats.text(app, "bob", "alice", "before the delete");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        deletions.deleteBefore(app, ref, System.currentTimeMillis() + 60_000);
        sleepPastMillisecond();
        long after = chats.text(app, "bob", "alice", "a second later");
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(after).doesNotContain(before);
        assertThat(conversations.page(app, "alice", 1, 20).get(0).latest().msgId()).isEqualTo(after);
    }

    @Test
    void aDeleteByTimeFarAheadIsRefusedAndOneBeforeAnyMessageHidesNothing() {
        App app = testApps.createRoaming();
        long kept = chats.text(app, "bob", "alice", "stays");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        assertThatThrownBy(() -> deletions.deleteBefore(app, ref, System.currentTimeMillis() + 3_600_000))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("in the future");
        assertThatThrownBy(() -> deletions.deleteBefore(app, ref, -1))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("milliseconds");
        assertThat(deletions.previewBefore(app, ref, 1_000_000_000_000L).messages()).isZero();
        deletions.deleteBefore(app, ref, 1_000_000_000_000L);
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(kept);
    }

    @Test
    void deletingAConversationWithItsMessagesRemovesThemForEveryParticipant() {
        App app = testApps.createRoaming();
        groups.createGroup(app, "trip", "Trip", "alice", List.of("bob", "carol"));
        chats.toGroup(app, "alice", "trip", "plan");
        chats.toGroup(app, "bob", "trip", "ok");
        chats.text(app, "alice", "bob", "separate chat stays");
        ConversationRef ref = ConversationRef.of("alice", ChatType.GROUPCHAT, "trip");
        var preview = deletions.previewConversation(app, ref, true);
        assertThat(preview.messages()).isEqualTo(2);
        assertThat(preview.affectedUsers()).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(deletions.deleteConversation(app, ref, true, n -> { })).isEqualTo(2);
        for (String u : List.of("alice", "bob", "carol")) {
            assertThat(allVisible(app, u, ChatType.GROUPCHAT, "trip")).isEmpty();
            assertThat(listed(app, u)).doesNotContain("trip");
        }
        assertThat(listed(app, "bob")).containsExactly("alice");
        assertThat(deletions.deleteConversation(app, ref, true, n -> { })).isZero();
    }

    @Test
    void deletingAConversationWithoutMessagesOnlyHidesItUntilTheNextMessage() {
        App app = testApps.createRoaming();
        long kept = chats.text(app, "alice", "bob", "hello");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        deletions.deleteConversation(app, ref, false, n -> { });
        assertThat(listed(app, "alice")).isEmpty();
        assertThat(listed(app, "bob")).containsExactly("alice");
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(kept);
        chats.text(app, "bob", "alice", "ping");
        assertThat(listed(app, "alice")).containsExactly("bob");
    }

    @Test
    void clearAllEmptiesOneUsersRoamingDataOnly() {
        App app = testApps.createRoaming();
        chats.text(app, "alice", "bob", "1");
        chats.text(app, "alice", "carol", "2");
        assertThat(deletions.clearAll(app, "alice")).isEqualTo(2);
        assertThat(listed(app, "alice")).isEmpty();
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).isEmpty();
        assertThat(allVisible(app, "bob", ChatType.CHAT, "alice")).hasSize(1);
    }

    @Test
    void withRoamingOffEveryRoamingCallIsRefusedAndNothingChanges() {
        App app = testApps.create(AppSettings.defaults());
        long id = chats.text(app, "alice", "bob", "stored anyway");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        List<Runnable> calls = List.of(
                () -> conversations.page(app, "alice", 1, 20),
                () -> conversations.cursorPage(app, "alice", null, 20),
                () -> conversations.legacy(app, "alice"),
                () -> history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 20)),
                () -> deletions.deleteByIds(app, ref, List.of(id)),
                () -> deletions.deleteBefore(app, ref, System.currentTimeMillis()),
                () -> deletions.deleteConversation(app, ref, true, n -> { }),
                () -> deletions.clearAll(app, "alice"));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(RoamdeskException.class)
                    .hasMessage("this appKey not open message roaming");
        }
        App on = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.ROAMING, "true", "admin", "test");
        assertThat(allVisible(on, "alice", ChatType.CHAT, "bob")).containsExactly(id);
    }

    @Test
    void oneWayDeletesNeedTheirOwnSwitch() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true));
        long id = chats.text(app, "alice", "bob", "x");
        assertThatThrownBy(() -> deletions.deleteByIds(app, ConversationRef.of("alice", ChatType.CHAT, "bob"), List.of(id)))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("one-way delete");
        assertThat(allVisible(app, "alice", ChatType.CHAT, "bob")).containsExactly(id);
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static void sleepPastMillisecond() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
