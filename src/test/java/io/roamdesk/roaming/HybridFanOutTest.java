package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import io.roamdesk.app.Setting;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hybrid fan-out changes nothing a user sees: the same scenario runs in an app whose groups all use
 * write fan-out (threshold above the member limit) and in one whose big group uses read fan-out,
 * and after every step every user's lists (page list, cursor list, legacy call, console list,
 * the vendor's cursor list with unread counts, pinned and marked lists) are the same in both.
 */
@IntegrationTest
class HybridFanOutTest {

    static final List<String> USERS = List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6");

    @Autowired
    TestApps testApps;
    @Autowired
    AppService apps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    ConversationService conversations;
    @Autowired
    ServerConversations server;
    @Autowired
    DeletionService deletions;
    @Autowired
    AuditedActions audited;
    @Autowired
    GroupStateRepository states;

    /** One app of the pair: its current settings and what each step's message id was in it. */
    final class Side {
        App app;
        final Map<String, Long> ids = new HashMap<>();

        Side(int threshold) {
            app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withConversationCap(4)
                    .withBigGroupMembers(threshold));
        }

        void send(String name, String from, ChatType type, String to, Origin origin) {
            ids.put(name, chats.send(app, from, type, to, name, origin));
        }

        boolean readFanout(String group) {
            return states.states(app.appId(), List.of(group)).get(0).readFanout();
        }

        void threshold(int members) {
            app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.BIG_GROUP_MEMBERS, Integer.toString(members),
                    "test", "hybrid fan-out test");
        }
    }

    interface Step {
        void run(Side s);
    }

    @Test
    void readFanOutShowsEveryMemberWhatWriteFanOutShows() {
        Side write = new Side(3000);
        Side read = new Side(4);
        List<Step> steps = new ArrayList<>(List.of(
                s -> groups.createGroup(s.app, "big", "Big", "u0", List.of("u1", "u2", "u3", "u4")),
                s -> groups.createGroup(s.app, "small", "Small", "u0", List.of("u1", "u2")),
                s -> s.send("c1", "u0", ChatType.CHAT, "u1", Origin.SDK),
                s -> s.send("b1", "u1", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> s.send("c2", "u2", ChatType.CHAT, "u0", Origin.SDK),
                s -> s.send("b2", "u0", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> s.send("s1", "u2", ChatType.GROUPCHAT, "small", Origin.SDK),
                s -> deletions.deleteByIds(s.app, ref("u1", "big"), List.of(s.ids.get("b2"))),
                s -> server.pin(s.app, ref("u0", "big"), true),
                s -> server.mark(s.app, "u2", List.of(ref("u2", "big")), 3, true),
                s -> s.send("b3", "admin", ChatType.GROUPCHAT, "big", Origin.REST),
                s -> server.read(s.app, ref("u3", "big"), s.ids.get("b1")),
                s -> s.send("b4", "u2", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> deletions.deleteBefore(s.app, ref("u2", "big"), System.currentTimeMillis()),
                s -> deletions.deleteConversation(s.app, ref("u3", "big"), false, n -> { }),
                s -> deletions.deleteConversation(s.app, ref("u4", "big"), false, n -> { }),
                s -> s.send("b5", "u1", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> deletions.deleteConversation(s.app, ref("u4", "big"), false, n -> { }),
                s -> groups.addMembers(s.app, "big", List.of("u5", "u6")),
                s -> s.send("c3", "u5", ChatType.CHAT, "u0", Origin.SDK),
                s -> s.send("b6", "u0", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> groups.removeMembers(s.app, "big", List.of("u4", "u6")),
                // a former member posts (an app back end may): the frozen row is written by no send
                s -> s.send("b6x", "u4", ChatType.GROUPCHAT, "big", Origin.REST),
                s -> s.send("b7", "u3", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> recall(s, "b7"),
                s -> server.readAll(s.app, "u1"),
                s -> deletions.clearAll(s.app, "u1"),
                s -> s.send("b8", "u5", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> deletions.deleteByIds(s.app, ref("u5", "big"), List.of(s.ids.get("b8"))),
                s -> s.send("s2", "u1", ChatType.GROUPCHAT, "small", Origin.SDK),
                s -> s.send("b9", "u2", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> s.send("c4", "u1", ChatType.CHAT, "u3", Origin.SDK),
                // read points a big group's sequence counts from (BigGroupUnread), then what it cannot see
                s -> server.read(s.app, ref("u5", "big"), null),
                s -> server.readAll(s.app, "u3"),
                s -> s.send("b10", "u1", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> s.send("b11", "u0", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> recall(s, "b10"),
                s -> s.send("b12", "u3", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> server.read(s.app, ref("u2", "big"), null),
                s -> s.send("b13", "u1", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> s.send("b14", "u0", ChatType.GROUPCHAT, "big", Origin.SDK),
                s -> deletions.deleteByIds(s.app, ref("u2", "big"), List.of(s.ids.get("b14"))),
                s -> server.read(s.app, ref("u5", "big"), s.ids.get("b13")),
                s -> deletions.deleteBefore(s.app, ref("u3", "big"), System.currentTimeMillis()),
                s -> s.send("b15", "u2", ChatType.GROUPCHAT, "big", Origin.SDK)));
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).run(write);
            steps.get(i).run(read);
            for (String u : USERS) {
                assertThat(lists(read, u)).as("step %d, %s's lists", i, u).isEqualTo(lists(write, u));
            }
        }
        assertThat(read.readFanout("big")).isTrue();
        assertThat(read.readFanout("small")).isFalse();
        assertThat(write.readFanout("big")).isFalse();
    }

    @Test
    void aGroupCrossingTheThresholdEitherWayLosesAndDuplicatesNothing() {
        Side write = new Side(3000);
        Side read = new Side(4);
        List<Step> steps = new ArrayList<>(List.of(
                s -> groups.createGroup(s.app, "g", "G", "u0", List.of("u1", "u2")),
                s -> s.send("m1", "u1", ChatType.GROUPCHAT, "g", Origin.SDK),
                s -> deletions.deleteByIds(s.app, ref("u2", "g"), List.of(s.ids.get("m1"))),
                s -> s.send("c1", "u0", ChatType.CHAT, "u1", Origin.SDK),
                // five members: big from its next send on
                s -> groups.addMembers(s.app, "g", List.of("u3", "u4")),
                s -> s.send("m2", "u0", ChatType.GROUPCHAT, "g", Origin.SDK),
                s -> s.send("m3", "u3", ChatType.GROUPCHAT, "g", Origin.SDK),
                s -> deletions.deleteByIds(s.app, ref("u0", "g"), List.of(s.ids.get("m3"))),
                s -> server.pin(s.app, ref("u1", "g"), true),
                s -> server.read(s.app, ref("u2", "g"), null),
                s -> server.read(s.app, ref("u4", "g"), null),
                // back to three: small from its next send on
                s -> groups.removeMembers(s.app, "g", List.of("u3", "u4")),
                s -> s.send("m4", "u1", ChatType.GROUPCHAT, "g", Origin.SDK),
                s -> s.send("c2", "u2", ChatType.CHAT, "u1", Origin.SDK),
                // the setting changes: big again without any member change, then small again
                s -> groups.addMembers(s.app, "g", List.of("u5")),
                s -> threshold(s, read, 2),
                s -> s.send("m5", "u5", ChatType.GROUPCHAT, "g", Origin.SDK),
                s -> s.send("m6", "u0", ChatType.GROUPCHAT, "g", Origin.SDK),
                s -> deletions.deleteConversation(s.app, ref("u2", "g"), false, n -> { }),
                s -> threshold(s, read, 10),
                s -> s.send("m7", "u1", ChatType.GROUPCHAT, "g", Origin.SDK),
                s -> s.send("c3", "u1", ChatType.CHAT, "u5", Origin.SDK)));
        List<Boolean> modes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).run(write);
            steps.get(i).run(read);
            if (i > 0) {
                modes.add(read.readFanout("g"));
            }
            for (String u : USERS) {
                assertThat(lists(read, u)).as("step %d, %s's lists", i, u).isEqualTo(lists(write, u));
            }
        }
        // it really crossed: write, then read from m2, write from m4, read from m5, write from m7
        assertThat(modes).containsSubsequence(false, true, false, true, false);
        assertThat(modes.get(modes.size() - 1)).isFalse();
    }

    /** The setting changes in the read fan-out app only: the other keeps every group on write fan-out. */
    private static void threshold(Side s, Side read, int members) {
        if (s == read) {
            s.threshold(members);
        }
    }

    private void recall(Side s, String name) {
        audited.recall(Actor.apiClient("test"), s.app,
                List.of(new RecallService.RecallRequest(s.ids.get(name), "big", ChatType.GROUPCHAT, null, false)), null, null);
    }

    private static ConversationRef ref(String owner, String group) {
        return new ConversationRef(owner, ChatType.GROUPCHAT, group);
    }

    /** Every list form of one user, with message ids replaced by the step that sent them (they differ between the apps). */
    private String lists(Side s, String user) {
        StringBuilder out = new StringBuilder();
        out.append("page1 ").append(entries(conversations.page(s.app, user, 1, 3))).append('\n');
        out.append("page2 ").append(entries(conversations.page(s.app, user, 2, 3))).append('\n');
        out.append("legacy ").append(entries(conversations.legacy(s.app, user))).append('\n');
        String cursor = null;
        do {
            ConversationPage p = conversations.cursorPage(s.app, user, cursor, 1);
            out.append("cursor ").append(entries(p.conversations())).append('\n');
            cursor = p.nextCursor();
        } while (!cursor.isEmpty());
        out.append("console ").append(entries(conversations.consolePage(s.app, user, null, 50, false).conversations())).append('\n');
        out.append("server ").append(items(server.list(s.app, user, null, 50, false, null).entries())).append('\n');
        out.append("pinned ").append(items(server.list(s.app, user, null, 50, true, null).entries())).append('\n');
        out.append("marked ").append(items(server.list(s.app, user, null, 50, false, 3).entries())).append('\n');
        return out.toString();
    }

    private static String entries(List<ConversationEntry> list) {
        return list.stream().map(HybridFanOutTest::entry).toList().toString();
    }

    private static String entry(ConversationEntry e) {
        return e.chatType().wire() + ":" + e.convId() + "=" + (e.latest() == null ? "-" : e.latest().body()) + "/" + e.listing();
    }

    private static String items(List<ConversationListItem> list) {
        return list.stream().map(i -> entry(i.conversation()) + " unread " + i.unread() + (i.pinned() ? " pinned" : "")
                + " " + i.marks()).toList().toString();
    }
}
