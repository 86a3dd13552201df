package io.roamdesk.api;

import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.EndUserApi;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The cursor list with pins, marks and unread counts, and its calls, over HTTP with app and user tokens. */
@IntegrationTest
class ServerConversationsApiTest {

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    io.roamdesk.roaming.DeletionService deletions;
    @Autowired
    GroupService groups;
    @Autowired
    AppService apps;

    private ResponseEntity<JsonNode> list(App app, String token, String owner, String query) {
        return api.get(base(app) + "/users/" + owner + "/user_channels?" + query, token);
    }

    /** Every entry of a list walked to its end, page by page. */
    private List<JsonNode> walk(App app, String token, String owner, String query, int pageSize) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = "";
        do {
            var r = list(app, token, owner, query + "&pageSize=" + pageSize + "&cursor=" + cursor);
            assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
            JsonNode data = r.getBody().get("data");
            assertThat(data.get("channel_infos").size()).isLessThanOrEqualTo(pageSize);
            data.get("channel_infos").forEach(out::add);
            cursor = data.get("cursor").asText();
        } while (!cursor.isEmpty());
        return out;
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("channel_id").asText()).toList();
    }

    private ResponseEntity<JsonNode> pin(App app, String token, String owner, String peer, boolean top) {
        return api.call(HttpMethod.PUT, base(app) + "/users/" + owner + "/user_channel/pin", token,
                "{\"channel\":\"" + peer + "\",\"type\":\"chat\",\"is_top\":" + top + "}");
    }

    private ResponseEntity<JsonNode> mark(App app, String token, String owner, HttpMethod method, String mark, List<String> peers) {
        String channels = peers.stream().map(p -> "{\"channel\":\"" + p + "\",\"type\":\"chat\"}").collect(Collectors.joining(","));
        return api.call(method, base(app) + "/users/" + owner + "/user_channels/marks", token,
                "{\"mark\":\"" + mark + "\",\"channels\":[" + channels + "]}");
    }

    private ResponseEntity<JsonNode> read(App app, String token, String owner, String type, String conv, String extra) {
        return api.call(HttpMethod.POST, base(app) + "/users/" + owner + "/user_channel/read", token,
                "{\"channel\":\"" + conv + "\",\"type\":\"" + type + "\"" + extra + "}");
    }

    private int unread(App app, String token, String owner, String conv) {
        return walk(app, token, owner, "", 50).stream().filter(e -> e.get("channel_id").asText().equals(conv)).findFirst()
                .orElseThrow().get("unread_num").asInt();
    }

    private static void assertRefused(ResponseEntity<JsonNode> r, String text) {
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(400);
        assertThat(r.getBody().get("error").asText()).isEqualTo("illegal_argument");
        assertThat(r.getBody().get("error_description").asText()).contains(text);
    }

    /** alice with a conversation with each of {@code n} peers p00, p01, …, p00 the oldest. */
    private App aliceWithPeers(int n) {
        App app = testApps.createRoaming();
        for (int i = 0; i < n; i++) {
            chats.text(app, "p%02d".formatted(i), "alice", "hi " + i);
        }
        return app;
    }

    @Test
    void theCursorListPagesEveryConversationOnceWithItsStateAndRefusesBadSizes() {
        App app = aliceWithPeers(45);
        String token = api.token(app);
        List<JsonNode> all = walk(app, token, "alice", "", 7);
        assertThat(ids(all)).hasSize(45).doesNotHaveDuplicates().startsWith("p44", "p43").endsWith("p00");
        JsonNode first = all.get(0);
        assertThat(first.get("type").asText()).isEqualTo("chat");
        assertThat(first.get("is_top").asBoolean()).isFalse();
        assertThat(first.get("pinned_time").asLong()).isZero();
        assertThat(first.get("marks").isArray()).isTrue();
        assertThat(first.get("marks")).isEmpty();
        assertThat(first.get("unread_num").asInt()).isEqualTo(1);
        assertThat(first.get("meta").get("payload").get("bodies").get(0).get("msg").asText()).isEqualTo("hi 44");

        var byDefault = list(app, token, "alice", "");
        assertThat(byDefault.getBody().get("data").get("channel_infos")).hasSize(20);
        assertThat(list(app, token, "alice", "pageSize=50").getBody().get("data").get("channel_infos")).hasSize(45);
        assertThat(list(app, token, "alice", "pageSize=50").getBody().get("data").get("cursor").asText()).isEmpty();
        assertThat(list(app, token, "alice", "limit=3").getBody().get("data").get("channel_infos")).hasSize(3);
        assertRefused(list(app, token, "alice", "pageSize=51"), "pageSize must be between 1 and 50");
        assertRefused(list(app, token, "alice", "pageSize=0"), "pageSize must be between 1 and 50");
        assertRefused(list(app, token, "alice", "pageSize=0x10"), "decimal");
        assertRefused(list(app, token, "alice", "mark=MARK_20"), "mark must be one of MARK_0");
        assertRefused(list(app, token, "alice", "pinned=yes"), "pinned must be true or false");
        assertRefused(list(app, token, "alice", "cursor=bm9wZQ"), "cursor");
        // a cursor of the pinned list is not one of the marked list
        for (int i = 0; i < 3; i++) {
            assertThat(pin(app, token, "alice", "p%02d".formatted(i), true).getStatusCode().value()).isEqualTo(200);
        }
        String pinnedCursor = list(app, token, "alice", "pinned=true&pageSize=1").getBody().get("data").get("cursor").asText();
        assertThat(pinnedCursor).isNotEmpty();
        assertRefused(list(app, token, "alice", "mark=MARK_1&cursor=" + pinnedCursor), "cursor belongs to another");
    }

    @Test
    void pinsAreListedNewestPinFirstUpToFiftyAndTheFiftyFirstIsRefused() {
        App app = aliceWithPeers(52);
        String token = api.token(app);
        for (int i = 0; i < 50; i++) {
            var r = pin(app, token, "alice", "p%02d".formatted(i), true);
            assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
            assertThat(r.getBody().get("data").get("is_top").asBoolean()).isTrue();
        }
        List<JsonNode> pinned = walk(app, token, "alice", "pinned=true", 8);
        List<String> newestPinFirst = IntStream.range(0, 50).mapToObj(i -> "p%02d".formatted(49 - i)).toList();
        assertThat(ids(pinned)).isEqualTo(newestPinFirst);
        assertThat(pinned).allSatisfy(e -> assertThat(e.get("is_top").asBoolean()).isTrue());
        List<Long> times = pinned.stream().map(e -> e.get("pinned_time").asLong()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();

        assertRefused(pin(app, token, "alice", "p50", true), "at most 50 conversations can be pinned");
        assertThat(walk(app, token, "alice", "pinned=true", 50)).hasSize(50);
        assertThat(walk(app, token, "alice", "", 50).stream().filter(e -> e.get("channel_id").asText().equals("p50")))
                .allSatisfy(e -> assertThat(e.get("is_top").asBoolean()).isFalse());
        // pinning one already pinned changes nothing, also at the limit
        long before = pinned.get(0).get("pinned_time").asLong();
        assertThat(pin(app, token, "alice", "p49", true).getBody().get("data").get("pinned_time").asLong()).isEqualTo(before);

        var unpinned = pin(app, token, "alice", "p49", false);
        assertThat(unpinned.getBody().get("data").get("is_top").asBoolean()).isFalse();
        assertThat(pin(app, token, "alice", "p49", false).getStatusCode().value()).isEqualTo(200);
        assertThat(pin(app, token, "alice", "p50", true).getStatusCode().value()).isEqualTo(200);
        assertThat(ids(walk(app, token, "alice", "pinned=true", 50))).hasSize(50).startsWith("p50", "p48");

        assertRefused(pin(app, token, "alice", "nobody", true), "is not in alice's conversation list");
        var noFlag = api.call(HttpMethod.PUT, base(app) + "/users/alice/user_channel/pin", token,
                "{\"channel\":\"p01\",\"type\":\"chat\"}");
        assertRefused(noFlag, "field is_top cannot be null or empty");
    }

    @Test
    void aPinOfAConversationGoneFromTheListDoesNotCountTowardsTheFifty() {
        App app = aliceWithPeers(51);
        String token = api.token(app);
        for (int i = 0; i < 50; i++) {
            assertThat(pin(app, token, "alice", "p%02d".formatted(i), true).getStatusCode().value()).isEqualTo(200);
        }
        // alice deletes a pinned conversation from her list: her pinned list shows 49, so a 50th pin is allowed
        deletions.deleteConversation(app, io.roamdesk.roaming.ConversationRef.of("alice", io.roamdesk.roaming.ChatType.CHAT,
                "p07"), false, n -> { });
        assertThat(walk(app, token, "alice", "pinned=true", 50)).hasSize(49);

        var r = pin(app, token, "alice", "p50", true);
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        assertThat(ids(walk(app, token, "alice", "pinned=true", 50))).hasSize(50).startsWith("p50");
    }

    @Test
    void marksGoOnUpToTwentyConversationsPerCallAndFilterTheList() {
        App app = aliceWithPeers(22);
        String token = api.token(app);
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "p%02d".formatted(i)).toList();
        var on = mark(app, token, "alice", HttpMethod.PUT, "MARK_3", twenty);
        assertThat(on.getStatusCode().value()).as(on.toString()).isEqualTo(200);
        assertThat(on.getBody().get("data").get("count").asInt()).isEqualTo(20);
        assertThat(mark(app, token, "alice", HttpMethod.PUT, "MARK_19", List.of("p05")).getStatusCode().value()).isEqualTo(200);

        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "p%02d".formatted(i)).toList();
        assertRefused(mark(app, token, "alice", HttpMethod.PUT, "MARK_4", twentyOne), "can not greater than 20");
        assertRefused(mark(app, token, "alice", HttpMethod.PUT, "MARK_20", List.of("p01")), "mark must be one of");
        assertRefused(mark(app, token, "alice", HttpMethod.PUT, "MARK_4", List.of()), "field channels cannot be null or empty");
        // all or nothing: one conversation outside the list refuses the whole call
        assertRefused(mark(app, token, "alice", HttpMethod.PUT, "MARK_4", List.of("p21", "nobody")), "is not in alice's");
        assertThat(walk(app, token, "alice", "mark=MARK_4", 50)).isEmpty();

        List<JsonNode> marked = walk(app, token, "alice", "mark=MARK_3", 6);
        assertThat(ids(marked)).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "p%02d".formatted(19 - i)).toList());
        JsonNode p05 = marked.stream().filter(e -> e.get("channel_id").asText().equals("p05")).findFirst().orElseThrow();
        assertThat(p05.get("marks")).extracting(JsonNode::asText).containsExactly("MARK_3", "MARK_19");
        assertThat(ids(walk(app, token, "alice", "mark=mark_19", 50))).containsExactly("p05");

        var off = mark(app, token, "alice", HttpMethod.DELETE, "MARK_3", List.of("p05", "p06", "p21"));
        assertThat(off.getStatusCode().value()).as(off.toString()).isEqualTo(200);
        assertThat(ids(walk(app, token, "alice", "mark=MARK_3", 50))).hasSize(18).doesNotContain("p05", "p06");
        assertThat(ids(walk(app, token, "alice", "mark=MARK_19", 50))).containsExactly("p05");

        // pinned and marked together: the pinned ones with the mark
        assertThat(pin(app, token, "alice", "p07", true).getStatusCode().value()).isEqualTo(200);
        assertThat(pin(app, token, "alice", "p21", true).getStatusCode().value()).isEqualTo(200);
        assertThat(ids(walk(app, token, "alice", "pinned=true&mark=MARK_3", 50))).containsExactly("p07");
    }

    @Test
    void unreadCountsMessagesOfOthersTheOwnerCanSeeAfterTheReadPoint() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        List<Long> fromBob = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fromBob.add(chats.text(app, "bob", "alice", "b" + i));
        }
        assertThat(unread(app, token, "alice", "bob")).isEqualTo(5);
        assertThat(unread(app, token, "bob", "alice")).isZero();

        // read up to the second message: three left
        var r = read(app, token, "alice", "chat", "bob", ",\"msg_id\":\"" + fromBob.get(1) + "\"");
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        assertThat(r.getBody().get("data").get("unread_num").asInt()).isEqualTo(3);
        assertThat(r.getBody().get("data").get("read_up_to").asText()).isEqualTo(fromBob.get(1).toString());
        // the pointer never moves back
        read(app, token, "alice", "chat", "bob", ",\"msg_id\":\"" + fromBob.get(0) + "\"");
        assertThat(unread(app, token, "alice", "bob")).isEqualTo(3);

        // a one-way delete of an unread message, and a recall of another: one left
        var del = api.call(HttpMethod.DELETE, base(app) + "/rest/message/roaming/chat/user/alice?userId=bob&msgIdList="
                + fromBob.get(2), token, null);
        assertThat(del.getStatusCode().value()).as(del.toString()).isEqualTo(200);
        var recall = api.call(HttpMethod.POST, base(app) + "/messages/msg_recall", token,
                "{\"msg_id\":\"" + fromBob.get(3) + "\",\"to\":\"alice\",\"chat_type\":\"chat\",\"from\":\"bob\"}");
        assertThat(recall.getStatusCode().value()).as(recall.toString()).isEqualTo(200);
        assertThat(unread(app, token, "alice", "bob")).isEqualTo(1);
        assertThat(unread(app, token, "bob", "alice")).isZero();

        // alice answers: she has read what came before
        chats.text(app, "alice", "bob", "ok");
        assertThat(unread(app, token, "alice", "bob")).isZero();
        chats.text(app, "bob", "alice", "again");
        assertThat(unread(app, token, "alice", "bob")).isEqualTo(1);
        assertThat(unread(app, token, "bob", "alice")).isZero();

        // clear-all forgets everything up to then
        var clear = api.call(HttpMethod.POST, base(app) + "/rest/message/roaming/user/alice/delete/all", token, null);
        assertThat(clear.getStatusCode().value()).as(clear.toString()).isEqualTo(200);
        chats.text(app, "bob", "alice", "after the clear");
        assertThat(unread(app, token, "alice", "bob")).isEqualTo(1);

        assertRefused(read(app, token, "alice", "chat", "bob", ",\"msg_id\":\"12345\""), "is not a message of this conversation");
        assertRefused(read(app, token, "alice", "chat", "bob", ",\"msg_id\":\"abc\""), "msg_id must be a decimal number");
        assertRefused(read(app, token, "alice", "chat", "nobody", ""), "is not in alice's conversation list");
        assertThat(read(app, token, "alice", "chat", "bob", "").getBody().get("data").get("unread_num").asInt()).isZero();
    }

    @Test
    void unreadCountsAreCappedAndAllReadClearsEveryConversation() {
        App app = testApps.createRoaming();
        String token = api.token(app);
        groups.createGroup(app, "team", "Team", "carol", List.of("alice", "bob", "carol"));
        for (int i = 0; i < 105; i++) {
            chats.text(app, "bob", "alice", "m" + i);
        }
        chats.toGroup(app, "carol", "team", "hello team");
        chats.toGroup(app, "bob", "team", "hi");
        chats.toGroup(app, "alice", "team", "mine");
        chats.toGroup(app, "bob", "team", "after alice");
        List<JsonNode> entries = walk(app, token, "alice", "", 20);
        assertThat(entries.stream().filter(e -> e.get("channel_id").asText().equals("bob")).findFirst().orElseThrow()
                .get("unread_num").asInt()).isEqualTo(100);
        assertThat(entries.stream().filter(e -> e.get("channel_id").asText().equals("team")).findFirst().orElseThrow()
                .get("unread_num").asInt()).isEqualTo(1);
        assertThat(unread(app, token, "carol", "team")).isEqualTo(3);

        var all = api.call(HttpMethod.POST, base(app) + "/users/alice/user_channels/read", token, null);
        assertThat(all.getStatusCode().value()).as(all.toString()).isEqualTo(200);
        assertThat(all.getBody().get("data").get("count").asInt()).isEqualTo(2);
        assertThat(walk(app, token, "alice", "", 20)).allSatisfy(e -> assertThat(e.get("unread_num").asInt()).isZero());
        assertThat(unread(app, token, "carol", "team")).isEqualTo(3);
        var groupRead = read(app, token, "carol", "groupchat", "team", "");
        assertThat(groupRead.getBody().get("data").get("unread_num").asInt()).isZero();
    }

    @Test
    void aUserTokenReachesOnlyItsOwnConversationsAndRoamingOffChangesNothing() {
        App app = aliceWithPeers(2);
        String appToken = api.token(app);
        String alice = EndUserApi.inherit(api, app, appToken, "alice");
        assertThat(list(app, alice, "alice", "pageSize=5").getStatusCode().value()).isEqualTo(200);
        assertThat(pin(app, alice, "alice", "p00", true).getStatusCode().value()).isEqualTo(200);
        assertThat(mark(app, alice, "alice", HttpMethod.PUT, "MARK_0", List.of("p01")).getStatusCode().value()).isEqualTo(200);
        assertThat(read(app, alice, "alice", "chat", "p01", "").getStatusCode().value()).isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, base(app) + "/users/alice/user_channels/read", alice, null)
                .getStatusCode().value()).isEqualTo(200);

        assertThat(list(app, alice, "p00", "").getStatusCode().value()).isEqualTo(403);
        assertThat(pin(app, alice, "p00", "alice", true).getStatusCode().value()).isEqualTo(403);
        assertThat(mark(app, alice, "p00", HttpMethod.PUT, "MARK_0", List.of("alice")).getStatusCode().value()).isEqualTo(403);
        assertThat(read(app, alice, "p00", "chat", "alice", "").getStatusCode().value()).isEqualTo(403);
        assertThat(walk(app, appToken, "p00", "pinned=true", 50)).isEmpty();

        App off = apps.changeSetting(app.appId(), app.settingsVersion(), io.roamdesk.app.Setting.ROAMING, "false", "test",
                "roaming off");
        var refused = pin(off, appToken, "alice", "p00", false);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("error_description").asText()).isEqualTo("this appKey not open message roaming");
        assertThat(list(off, appToken, "alice", "").getStatusCode().value()).isEqualTo(400);
    }
}
