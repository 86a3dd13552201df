package io.roamdesk.api;

import static io.roamdesk.jooq.Tables.APP_USER;
import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static io.roamdesk.jooq.Tables.USER_TOKEN;
import static io.roamdesk.support.Api.base;
import static io.roamdesk.support.EndUserApi.inherit;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks the route × token table of docs/api.md: every row is called, on a fresh app, with bob's
 * user token, alice's user token and the app's token, and must answer what the table says; a
 * refusal changes nothing. The table must name every endpoint that takes a token.
 */
@IntegrationTest
class ScopeTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) ([^`]+)` \\| (\\d{3}) \\| (\\d{3}) \\| (\\d{3}) \\|");

    /** Bodies of the rows that need one. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("DELETE /users/alice/user_channel", "{\"channel\":\"bob\",\"type\":\"chat\",\"delete_roam\":false}"),
            Map.entry("POST /messages/users", "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"hi\"}}"),
            Map.entry("POST /messages/chatgroups", "{\"from\":\"alice\",\"to\":[\"team\"],\"type\":\"txt\",\"body\":{\"msg\":\"hi\"}}"),
            Map.entry("POST /messages", "{\"from\":\"alice\",\"target_type\":\"users\",\"target\":[\"bob\"],\"msg\":{\"type\":\"txt\",\"msg\":\"hi\"}}"),
            Map.entry("POST /users", "{\"username\":\"carol\",\"password\":\"carol-pw\"}"),
            Map.entry("PUT /users/alice/password", "{\"newpassword\":\"new-pw\"}"),
            Map.entry("POST /token", "{\"grant_type\":\"inherit\",\"username\":\"carol\",\"autoCreateUser\":true}"),
            Map.entry("POST /messages/msg_recall", "{\"msg_id\":\"{msgId}\",\"to\":\"alice\",\"chat_type\":\"chat\",\"from\":\"bob\"}"),
            Map.entry("POST /messages/msg_recall#group", "{\"msg_id\":\"{groupMsgId}\",\"to\":\"team\",\"chat_type\":\"groupchat\"}"),
            Map.entry("PUT /users/alice/user_channel/pin", "{\"channel\":\"bob\",\"type\":\"chat\",\"is_top\":true}"),
            Map.entry("PUT /users/alice/user_channels/marks", "{\"mark\":\"MARK_1\",\"channels\":[{\"channel\":\"bob\",\"type\":\"chat\"}]}"),
            Map.entry("DELETE /users/alice/user_channels/marks", "{\"mark\":\"MARK_1\",\"channels\":[{\"channel\":\"bob\",\"type\":\"chat\"}]}"),
            Map.entry("POST /users/alice/user_channel/read", "{\"channel\":\"bob\",\"type\":\"chat\"}"),
            Map.entry("POST /messages/recall",
                    "{\"msgs\":[{\"msg_id\":\"{msgId}\",\"to\":\"alice\",\"chat_type\":\"chat\",\"from\":\"bob\"}]}"));

    @Autowired
    Api api;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    DSLContext db;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Row(String method, String path, int[] expected) {
        String route() {
            return method + " " + path.replaceAll("[?#].*", "");
        }
    }

    private static List<Row> table() throws IOException {
        String doc = Files.readString(Path.of("docs/api.md"));
        String table = doc.substring(doc.indexOf("<!-- scope-table -->"), doc.indexOf("<!-- /scope-table -->"));
        List<Row> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.add(new Row(m.group(1), m.group(2), new int[] {Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))}));
            }
        }
        return rows;
    }

    private List<Object> state(App app) {
        long id = app.appId();
        return List.of(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(id)),
                db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(id).and(MESSAGE.DELETED_FOR_ALL_AT.isNotNull())),
                db.fetchCount(MESSAGE_HIDDEN, MESSAGE_HIDDEN.APP_ID.eq(id)),
                db.select(APP_USER.USERNAME, APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.APP_ID.eq(id))
                        .orderBy(APP_USER.USERNAME).fetch().toString(),
                db.fetchCount(USER_TOKEN, USER_TOKEN.APP_ID.eq(id)),
                db.select(CONVERSATION.OWNER, CONVERSATION.CONV_ID, CONVERSATION.HIDDEN, CONVERSATION.CLEARED_BEFORE_MSG_ID,
                                CONVERSATION.PINNED_AT, CONVERSATION.MARKS, CONVERSATION.READ_UP_TO_MSG_ID)
                        .from(CONVERSATION).where(CONVERSATION.APP_ID.eq(id)).orderBy(CONVERSATION.OWNER, CONVERSATION.CONV_ID)
                        .fetch().toString());
    }

    @Test
    void everyRouteAnswersEachKindOfTokenAsTheTableSays() throws IOException {
        List<Row> rows = table();
        assertThat(rows).hasSizeGreaterThan(15);
        List<String> mismatches = new ArrayList<>();
        String[] who = {"app token", "alice's token", "bob's token"};
        for (Row row : rows) {
            // one app per row; bob's token first, then alice's, then the app's: refusals run on untouched
            // data (and must leave it so), and the rows two kinds may call are idempotent deletions
            App app = testApps.createRoaming();
            groups.createGroup(app, "team", "Team", "alice", List.of("bob"));
            long chatMsg = chats.text(app, "bob", "alice", "to alice");
            long groupMsg = chats.toGroup(app, "bob", "team", "to the team");
            String appToken = api.token(app);
            String[] tokens = {appToken, inherit(api, app, appToken, "alice"), inherit(api, app, appToken, "bob")};
            String path = row.path().replace("{msgId}", Long.toString(chatMsg))
                    .replace("{groupMsgId}", Long.toString(groupMsg))
                    .replace("{time}", Long.toString(System.currentTimeMillis()));
            String body = BODIES.getOrDefault(row.method() + " " + row.path(), BODIES.get(row.route()));
            if (body != null) {
                body = body.replace("{msgId}", Long.toString(chatMsg)).replace("{groupMsgId}", Long.toString(groupMsg));
            }
            if (path.endsWith("#delete_roam=true")) {
                body = body.replace("false", "true");
            }
            for (int kind = 2; kind >= 0; kind--) {
                var before = state(app);
                var r = api.call(HttpMethod.valueOf(row.method()), base(app) + path.replaceAll("#.*", ""), tokens[kind], body);
                int expected = row.expected()[kind];
                if (r.getStatusCode().value() != expected) {
                    mismatches.add(row.method() + " " + row.path() + " with " + who[kind] + ": " + r.getStatusCode().value()
                            + " " + r.getBody() + " (table: " + expected + ")");
                } else if (expected == 403) {
                    assertThat(r.getBody().get("error").asText()).isEqualTo("forbidden_op");
                    assertThat(state(app)).as("a refusal changes nothing: " + row.path()).isEqualTo(before);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTableNamesEveryEndpointThatTakesAToken() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (Row row : table()) {
            documented.add(row.method() + " " + row.path().replaceAll("[?#].*", ""));
        }
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean takesToken = method.getBeanType().isAnnotationPresent(
                    RequiresToken.class) || method.getBeanType() == TokenController.class;
            if (!takesToken) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                for (var m : info.getMethodsCondition().getMethods()) {
                    endpoints.add(m.name() + " " + pattern.replace("/{org}/{app}", "")
                            .replace("{username}", "alice").replace("{userId}", "alice")
                            .replace("{type}/{channel}", "chat/bob"));
                }
            }
        });
        assertThat(documented).containsAll(endpoints);
    }
}
