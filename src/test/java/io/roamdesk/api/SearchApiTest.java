package io.roamdesk.api;

import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.SearchService;
import io.roamdesk.roaming.SendRequest;
import io.roamdesk.support.Api;
import io.roamdesk.support.EndUserApi;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.util.ReflectionTestUtils;

/** Keyword search in one conversation over HTTP: every call and every limit. */
@IntegrationTest
class SearchApiTest {

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    GroupService groups;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService searchService;

    private App app;
    private String token;

    private void setUp() {
        app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true));
        token = api.token(app);
    }

    private String send(String from, String to, String type, String body) {
        var r = api.call(HttpMethod.POST, base(app) + "/messages/users", token, """
                {"from":"%s","to":["%s"],"type":"%s","body":%s}""".formatted(from, to, type, body));
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        return r.getBody().get("data").get(to).asText();
    }

    private String text(String from, String to, String text) {
        return send(from, to, "txt", "{\"msg\":\"" + text + "\"}");
    }

    private ResponseEntity<JsonNode> search(String owner, String type, String conv, String query, String more, String auth) {
        String q = query == null ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        // the JDK's client sends the query exactly as encoded here (the template client would encode it again)
        return api.raw("GET", base(app) + "/users/" + owner + "/user_channels/" + type + "/" + conv + "/messages/search?" + q
                + more, auth, null, null);
    }

    private JsonNode ok(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.getBody().get("data");
        assertThat(data.get("is_last").asBoolean()).isEqualTo(data.get("next_key").asText().isEmpty());
        return data;
    }

    private static List<String> ids(JsonNode data) {
        List<String> out = new ArrayList<>();
        data.get("msgs").forEach(m -> out.add(m.get("msg_id").asText()));
        return out;
    }

    /** Every hit of a search, following the cursor to the end. */
    private List<String> all(String owner, String type, String conv, String query, String more) {
        List<String> out = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode data = ok(search(owner, type, conv, query, more + "&cursor=" + cursor, token));
            out.addAll(ids(data));
            cursor = data.get("next_key").asText();
        } while (!cursor.isEmpty());
        return out;
    }

    private static void refused(ResponseEntity<JsonNode> r, int status, String error, String description) {
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(status);
        assertThat(r.getBody().get("error").asText()).as(r.toString()).isEqualTo(error);
        if (description != null) {
            assertThat(r.getBody().get("error_description").asText()).as(r.toString()).contains(description);
        }
    }

    @Test
    void findsTextAndFileNamesCaseInsensitivelyAndChineseSubstringsNewestFirst() {
        setUp();
        String noon = text("alice", "bob", "Meeting at noon");
        String moved = text("bob", "alice", "the MEETING moved");
        text("alice", "bob", "nothing to see");
        String tomorrow = text("alice", "bob", "我们明天开会吧");
        String when = text("bob", "alice", "开会时间改了");
        String notes = send("alice", "bob", "file", "{\"url\":\"https://f.example/1\",\"filename\":\"Meeting-notes.pdf\"}");
        send("alice", "bob", "img", "{\"url\":\"https://f.example/2\",\"filename\":\"meeting.png\"}");
        send("alice", "bob", "txt", "{\"msg\":\"hi\",\"note\":\"meeting in another field\"}");

        JsonNode data = ok(search("bob", "chat", "alice", "meeting", "", token));
        assertThat(ids(data)).containsExactly(notes, moved, noon);
        assertThat(data.get("is_last").asBoolean()).isTrue();
        assertThat(data.get("msgs").get(1).get("payload").get("bodies").get(0).get("msg").asText()).isEqualTo("the MEETING moved");
        assertThat(data.get("scanned").asInt()).isEqualTo(8);
        assertThat(ids(ok(search("alice", "chat", "bob", "MeEtInG", "", token)))).containsExactly(notes, moved, noon);
        assertThat(ids(ok(search("bob", "chat", "alice", "开会", "", token)))).containsExactly(when, tomorrow);
        assertThat(ids(ok(search("bob", "chat", "alice", "会时", "", token)))).containsExactly(when);
        assertThat(ids(ok(search("bob", "chat", "alice", " 明天开会 ", "", token)))).containsExactly(tomorrow);
        assertThat(ids(ok(search("bob", "chat", "alice", "notes.pdf", "", token)))).containsExactly(notes);
        assertThat(ids(ok(search("bob", "chat", "alice", "missing", "", token)))).isEmpty();
        // another conversation of the same owner is not searched
        text("carol", "bob", "meeting with carol");
        assertThat(ids(ok(search("bob", "chat", "alice", "meeting", "", token)))).containsExactly(notes, moved, noon);
    }

    @Test
    void wildcardsInTheQueryMatchLiterally() {
        setUp();
        String percent = text("alice", "bob", "100% sure");
        text("alice", "bob", "1000 sure");
        String underscore = text("alice", "bob", "file a_b.txt");
        text("alice", "bob", "file axb.txt");
        String bang = text("alice", "bob", "wow!% really");
        assertThat(ids(ok(search("bob", "chat", "alice", "100%", "", token)))).containsExactly(percent);
        assertThat(ids(ok(search("bob", "chat", "alice", "a_b", "", token)))).containsExactly(underscore);
        assertThat(ids(ok(search("bob", "chat", "alice", "!%", "", token)))).containsExactly(bang);
        assertThat(ids(ok(search("bob", "chat", "alice", "%", "", token)))).containsExactly(bang, percent);
    }

    @Test
    void cursorPagesNeverSkipOrRepeatAHit() {
        setUp();
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            hits.add(0, text("alice", "bob", "apple " + i));
            text("bob", "alice", "pear " + i);
        }
        JsonNode first = ok(search("bob", "chat", "alice", "apple", "&pageSize=3", token));
        assertThat(ids(first)).isEqualTo(hits.subList(0, 3));
        JsonNode second = ok(search("bob", "chat", "alice", "apple", "&pageSize=3&cursor=" + first.get("next_key").asText(), token));
        assertThat(ids(second)).isEqualTo(hits.subList(3, 6));
        JsonNode third = ok(search("bob", "chat", "alice", "apple", "&pageSize=3&cursor=" + second.get("next_key").asText(), token));
        assertThat(ids(third)).isEqualTo(hits.subList(6, 7));
        assertThat(third.get("is_last").asBoolean()).isTrue();
        // exactly a page of hits left: that page is the last
        assertThat(ok(search("bob", "chat", "alice", "apple", "&pageSize=7", token)).get("is_last").asBoolean()).isTrue();
        assertThat(all("bob", "chat", "alice", "apple", "&pageSize=1")).isEqualTo(hits);
    }

    @Test
    void searchesWhatTheOwnerSeesOnly() {
        setUp();
        String one = text("alice", "bob", "apple one");
        String two = text("alice", "bob", "apple two");
        String three = text("alice", "bob", "apple three");
        String four = text("alice", "bob", "apple four");
        // bob deletes "two" one-way: gone from bob's search, still in alice's
        assertThat(api.call(HttpMethod.DELETE, base(app) + "/rest/message/roaming/chat/user/bob?userId=alice&msgIdList=" + two,
                token, null).getStatusCode().value()).isEqualTo(200);
        assertThat(ids(ok(search("bob", "chat", "alice", "apple", "", token)))).containsExactly(four, three, one);
        assertThat(ids(ok(search("alice", "chat", "bob", "apple", "", token)))).containsExactly(four, three, two, one);
        // a recall removes "four" for both
        assertThat(api.call(HttpMethod.POST, base(app) + "/messages/msg_recall", token,
                "{\"msg_id\":\"" + four + "\",\"to\":\"bob\",\"chat_type\":\"chat\",\"from\":\"alice\",\"force\":true}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(ids(ok(search("alice", "chat", "bob", "apple", "", token)))).containsExactly(three, two, one);
        // alice clears all: nothing before it is found for her, a newer message is
        assertThat(api.call(HttpMethod.POST, base(app) + "/rest/message/roaming/user/alice/delete/all", token, null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(ids(ok(search("alice", "chat", "bob", "apple", "", token)))).isEmpty();
        String five = text("bob", "alice", "apple five");
        assertThat(ids(ok(search("alice", "chat", "bob", "apple", "", token)))).containsExactly(five);
        assertThat(ids(ok(search("bob", "chat", "alice", "apple", "", token)))).containsExactly(five, three, one);
        // deleted with its server messages: found by nobody
        assertThat(api.call(HttpMethod.DELETE, base(app) + "/users/bob/user_channel", token,
                "{\"channel\":\"alice\",\"type\":\"chat\",\"delete_roam\":true}").getStatusCode().value()).isEqualTo(200);
        assertThat(ids(ok(search("bob", "chat", "alice", "apple", "", token)))).isEmpty();
        assertThat(ids(ok(search("alice", "chat", "bob", "apple", "", token)))).isEmpty();
    }

    @Test
    void historyFiltersCombineWithTheSearch() {
        setUp();
        groups.createGroup(app, "crew", "Crew", "alice", List.of("bob", "carol"));
        String fromBob = group("bob", "txt", "{\"msg\":\"launch plan\"}");
        String fromCarol = group("carol", "txt", "{\"msg\":\"Launch tomorrow\"}");
        String file = group("carol", "file", "{\"url\":\"https://f.example/3\",\"filename\":\"launch.key\"}");
        assertThat(all("alice", "groupchat", "crew", "launch", "")).containsExactly(file, fromCarol, fromBob);
        assertThat(all("alice", "groupchat", "crew", "launch", "&from=carol")).containsExactly(file, fromCarol);
        assertThat(all("alice", "groupchat", "crew", "launch", "&from=CAROL&msgTypes=txt")).containsExactly(fromCarol);
        assertThat(all("alice", "groupchat", "crew", "launch", "&msgTypes=file,img")).containsExactly(file);
        assertThat(all("alice", "groupchat", "crew", "launch", "&msgTypes=txt,file")).containsExactly(file, fromCarol, fromBob);
        assertThat(all("alice", "groupchat", "crew", "launch", "&endTime=0")).isEmpty();
        assertThat(all("alice", "groupchat", "crew", "launch", "&startTime=0&endTime=" + (System.currentTimeMillis() + 60_000)))
                .containsExactly(file, fromCarol, fromBob);
        refused(search("alice", "groupchat", "crew", "launch", "&msgTypes=img", token), 400, "illegal_argument",
                "msgTypes must include txt or file");
        refused(search("alice", "groupchat", "crew", "launch", "&msgTypes=mp3", token), 400, "illegal_argument", "unknown message type");
        refused(search("alice", "groupchat", "crew", "launch", "&from=no%20one", token), 400, "illegal_argument", null);
        refused(search("alice", "groupchat", "crew", "launch", "&startTime=5&endTime=4", token), 400, "illegal_argument", null);
    }

    private String group(String from, String type, String body) {
        var r = api.call(HttpMethod.POST, base(app) + "/messages/chatgroups", token, """
                {"from":"%s","to":["crew"],"type":"%s","body":%s}""".formatted(from, type, body));
        assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(200);
        return r.getBody().get("data").get("crew").asText();
    }

    @Test
    void badInputIsRefusedWithTheVendorsError() {
        setUp();
        text("alice", "bob", "apple");
        String hundred = "苹".repeat(100);
        assertThat(ids(ok(search("bob", "chat", "alice", hundred, "", token)))).isEmpty();
        refused(search("bob", "chat", "alice", hundred + "a", "", token), 400, "illegal_argument", "at most 100 characters");
        refused(search("bob", "chat", "alice", null, "", token), 400, "illegal_argument", "must not be empty");
        refused(search("bob", "chat", "alice", "", "", token), 400, "illegal_argument", "must not be empty");
        refused(search("bob", "chat", "alice", "   ", "", token), 400, "illegal_argument", "must not be empty");
        assertThat(ids(ok(search("bob", "chat", "alice", "apple", "&pageSize=50", token)))).hasSize(1);
        refused(search("bob", "chat", "alice", "apple", "&pageSize=51", token), 400, "illegal_argument", "pageSize must be between 1 and 50");
        refused(search("bob", "chat", "alice", "apple", "&pageSize=0", token), 400, "illegal_argument", "pageSize must be between 1 and 50");
        refused(search("bob", "chat", "alice", "apple", "&pageSize=0x10", token), 400, "illegal_argument", "decimal");
        refused(search("bob", "chat", "alice", "apple", "&cursor=%25%25", token), 400, "illegal_argument", null);
        refused(search("bob", "chat", "alice", "apple", "&cursor=bm9wZQ", token), 400, "illegal_argument", "cursor is not valid");
        refused(search("bob", "voice", "alice", "apple", "", token), 400, "illegal_argument", null);
        refused(search("bob", "chat", "bob", "apple", "", token), 400, "illegal_argument", null);
        refused(search("bob", "chat", "alice", "apple", "", "not-a-token"), 401, "unauthorized", null);
        // a cursor continues only the search it came from
        for (int i = 0; i < 3; i++) {
            text("alice", "bob", "apple " + i);
        }
        String cursor = ok(search("bob", "chat", "alice", "apple", "&pageSize=1", token)).get("next_key").asText();
        assertThat(cursor).isNotEmpty();
        refused(search("bob", "chat", "alice", "apples", "&pageSize=1&cursor=" + cursor, token), 400, "illegal_argument",
                "cursor belongs to another conversation or query");
        refused(search("alice", "chat", "bob", "apple", "&pageSize=1&cursor=" + cursor, token), 400, "illegal_argument",
                "cursor belongs to another conversation or query");
        refused(search("bob", "chat", "alice", "apple", "&pageSize=1&from=alice&cursor=" + cursor, token), 400,
                "illegal_argument", "cursor belongs to another conversation or query");
        // a history cursor is not a search cursor
        String historyCursor = api.get(base(app) + "/users/bob/user_channels/chat/alice/messages?pageSize=1", token)
                .getBody().get("data").get("next_key").asText();
        refused(search("bob", "chat", "alice", "apple", "&cursor=" + historyCursor, token), 400, "illegal_argument", "cursor is not valid");
    }

    @Test
    void roamingOffIsRefused() {
        App off = testApps.create(AppSettings.defaults());
        var r = api.raw("GET", base(off) + "/users/bob/user_channels/chat/alice/messages/search?q=apple", api.token(off), null, null);
        refused(r, 400, "forbidden_op", "this appKey not open message roaming");
    }

    @Test
    void aUserTokenSearchesOnlyItsOwnConversations() {
        setUp();
        String mine = text("alice", "bob", "secret plan");
        String alice = EndUserApi.inherit(api, app, token, "alice");
        refused(search("bob", "chat", "alice", "plan", "", alice), 403, "forbidden_op", null);
        assertThat(ids(ok(search("alice", "chat", "bob", "plan", "", alice)))).containsExactly(mine);
    }

    @Test
    void aSearchThatRunsOutOfItsBudgetAnswersWhatItFoundAndACursorToContinue() {
        setUp();
        List<SendRequest> batch = new ArrayList<>();
        batch.add(new SendRequest("alice", ChatType.CHAT, List.of("bob"), BodyType.TXT, "{\"msg\":\"the needle\"}", null, Origin.SDK));
        for (int i = 0; i < 699; i++) {
            batch.add(new SendRequest(i % 2 == 0 ? "alice" : "bob", ChatType.CHAT, List.of(i % 2 == 0 ? "bob" : "alice"),
                    BodyType.TXT, "{\"msg\":\"hay " + i + "\"}", null, Origin.SDK));
        }
        for (int i = 0; i < batch.size(); i += 100) {
            ingest.sendBatch(app, batch.subList(i, i + 100));
        }
        int rows = (int) ReflectionTestUtils.getField(searchService, "budgetRows");
        ReflectionTestUtils.setField(searchService, "budgetRows", 300);
        try {
            JsonNode first = ok(search("bob", "chat", "alice", "needle", "", token));
            assertThat(ids(first)).isEmpty();
            assertThat(first.get("scanned").asInt()).isEqualTo(300);
            assertThat(first.get("is_last").asBoolean()).isFalse();
            assertThat(first.get("scanned_to").asLong()).isPositive();
            JsonNode second = ok(search("bob", "chat", "alice", "needle", "&cursor=" + first.get("next_key").asText(), token));
            assertThat(ids(second)).isEmpty();
            assertThat(second.get("scanned").asInt()).isEqualTo(300);
            assertThat(second.get("scanned_to").asLong()).isLessThanOrEqualTo(first.get("scanned_to").asLong());
            JsonNode third = ok(search("bob", "chat", "alice", "needle", "&cursor=" + second.get("next_key").asText(), token));
            assertThat(third.get("msgs")).hasSize(1);
            assertThat(third.get("msgs").get(0).get("payload").get("bodies").get(0).get("msg").asText()).isEqualTo("the needle");
            assertThat(third.get("scanned").asInt()).isEqualTo(100);
            assertThat(third.get("is_last").asBoolean()).isTrue();
        } finally {
            ReflectionTestUtils.setField(searchService, "budgetRows", rows);
        }
    }
}
