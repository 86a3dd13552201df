package io.roamdesk.api;

import static io.roamdesk.jooq.Tables.APP_SETTING;
import static io.roamdesk.jooq.Tables.APP_USER;
import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.GROUP_MEMBER;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;
import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import io.roamdesk.app.App;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Over a thousand generated malformed requests, each with exactly one defect, against every
 * endpoint: every answer is a 4xx with the vendor's error body, and the database is unchanged.
 */
@IntegrationTest
class MalformedRequestsTest {

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

    private record Bad(HttpMethod method, String path, String body, boolean authenticated) {
    }

    private static final List<String> BAD_NAMES = List.of("", "UPPER!", "a b", "x".repeat(65), "..%2F..", "名字",
            "semi;colon", "quote'", "star*", "dollar$");
    private static final List<String> BAD_SIZES = List.of("0", "-1", "51", "1000", "abc", "1099511627776", "2.5");
    private static final List<String> BAD_IDS = List.of("", ",", "abc", "-1", "1,,2", "99999999999999999999999",
            "1;2", "0x10", " ");
    private static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"text\"", "42", "{\"to\":\"bob\"}",
            "{\"from\":\"alice\",\"to\":[],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}",
            "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"gif\",\"body\":{\"msg\":\"x\"}}",
            "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":\"x\"}",
            "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{}}",
            "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"x\"},\"ext\":[1]}",
            "{\"from\":\"Alice!\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}",
            "{\"from\":\"alice\",\"to\":[\"bob\",7],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}",
            "{\"from\":\"alice\",\"to\":[\"alice\"],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}",
            "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"img\",\"body\":{\"filename\":\"a.jpg\"}}",
            "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"" + "x".repeat(6000) + "\"}}");

    @Test
    void aThousandMalformedRequestsGetA4xxAndChangeNothing() {
        App app = testApps.createRoaming();
        App other = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(chats.text(app, "alice", "bob", "m" + i));
            chats.toGroup(app, "bob", "team", "g" + i);
        }
        long foreignId = chats.text(app, "alice", "carol", "another conversation");
        String token = api.token(app);
        String foreignCursor = api.get(base(app) + "/users/alice/user_channels/chat/carol/messages?pageSize=1", token)
                .getBody().get("data").get("next_key").asText();
        chats.text(app, "alice", "carol", "second, so carol's history has a cursor");
        foreignCursor = api.get(base(app) + "/users/alice/user_channels/chat/carol/messages?pageSize=1", token)
                .getBody().get("data").get("next_key").asText();
        String b = base(app);
        String r = b + "/rest/message/roaming";
        String otherToken = api.token(other);
        String cursorOfCarol = foreignCursor;
        String fiftyOne = String.join(",", Collections.nCopies(51, Long.toString(ids.get(0))));
        List<String> moreBadIds = new ArrayList<>(BAD_IDS);
        moreBadIds.add(fiftyOne);
        moreBadIds.add(Long.toString(foreignId));
        moreBadIds.add(ids.get(0) + "," + foreignId);
        moreBadIds.add("123456789");

        List<Function<Random, Bad>> kinds = List.of(
                rnd -> new Bad(HttpMethod.GET, b + "/users/" + pick(rnd, BAD_NAMES) + "/user_channels/page", null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/page?pageSize=" + pick(rnd, BAD_SIZES), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/page?pageNum=" + pick(rnd, List.of("0", "-3", "x")), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels?limit=" + pick(rnd, BAD_SIZES), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels?cursor=" + pick(rnd, List.of("zzz", "YWJj", cursorOfCarol, "!!")), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/" + pick(rnd, BAD_NAMES) + "/messages", null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/" + pick(rnd, List.of("chatroom", "CHAT", "x")) + "/bob/messages", null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/bob/messages?pageSize=" + pick(rnd, BAD_SIZES), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/bob/messages?cursor=" + pick(rnd, List.of(cursorOfCarol, "abc", "aDEuMS4wLjA")), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/bob/messages?direction=" + pick(rnd, List.of("SIDEWAYS", "0", "up-down")), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/bob/messages?msgTypes=" + pick(rnd, List.of("gif", "txt,,img", "TXT")), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/bob/messages?startTime=2000&endTime=1000", null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/bob/messages?startId=" + pick(rnd, List.of("x", "-5", "1.5")), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/bob/messages?startTime=" + pick(rnd, List.of("x", "-1")), null, true),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/chat/alice/messages", null, true),
                rnd -> new Bad(HttpMethod.POST, b + "/messages/users", pick(rnd, BAD_BODIES), true),
                rnd -> new Bad(HttpMethod.POST, b + "/messages/chatgroups", pick(rnd, List.of(
                        "{\"from\":\"bob\",\"to\":[\"no-such-group\"],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}",
                        "{\"from\":\"bob\",\"to\":[\"a\",\"b\",\"c\",\"d\"],\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}",
                        "{\"from\":\"bob\",\"to\":[\"team\"],\"type\":\"txt\"}")), true),
                rnd -> new Bad(HttpMethod.POST, b + "/messages?useMsgId=true", pick(rnd, List.of(
                        "{\"from\":\"alice\",\"target_type\":\"rooms\",\"target\":[\"bob\"],\"msg\":{\"type\":\"txt\",\"msg\":\"x\"}}",
                        "{\"from\":\"alice\",\"target_type\":\"users\",\"target\":\"bob\",\"msg\":{\"type\":\"txt\",\"msg\":\"x\"}}",
                        "{\"from\":\"alice\",\"target_type\":\"users\",\"target\":[\"bob\"]}",
                        "{\"from\":\"alice\",\"target_type\":\"users\",\"target\":[\"bob\"],\"msg\":{\"msg\":\"x\"}}")), true),
                rnd -> new Bad(HttpMethod.POST, b + "/messages/users", "{\"from\":\"alice\",\"to\":" + manyTargets(601)
                        + ",\"type\":\"txt\",\"body\":{\"msg\":\"x\"}}", true),
                rnd -> new Bad(HttpMethod.DELETE, b + "/users/alice/user_channel", pick(rnd, List.of("{", "{}",
                        "{\"type\":\"chat\",\"delete_roam\":true}", "{\"channel\":\"bob\",\"delete_roam\":true}",
                        "{\"channel\":\"bob\",\"type\":\"room\",\"delete_roam\":true}",
                        "{\"channel\":\"bob\",\"type\":\"chat\"}", "{\"channel\":\"bob\",\"type\":\"chat\",\"delete_roam\":\"yes\"}",
                        "{\"channel\":\"Bob!\",\"type\":\"chat\",\"delete_roam\":true}", "[]")), true),
                rnd -> new Bad(HttpMethod.DELETE, r + "/chat/user/alice?userId=bob&msgIdList=" + pick(rnd, moreBadIds), null, true),
                rnd -> new Bad(HttpMethod.DELETE, r + "/group/user/bob?groupId=team&msgIdList=" + pick(rnd, moreBadIds), null, true),
                rnd -> new Bad(HttpMethod.DELETE, r + "/chat/user/alice?msgIdList=" + ids.get(0), null, true),
                rnd -> new Bad(HttpMethod.DELETE, r + "/chat/user/" + pick(rnd, BAD_NAMES) + "?userId=bob&msgIdList=" + ids.get(0), null, true),
                rnd -> new Bad(HttpMethod.DELETE, r + "/chat/user/alice/time?userId=bob&delTime=" + pick(rnd, List.of("x", "-1", "", "99999999999999", "1.5", "0x10", "%2310")), null, true),
                rnd -> new Bad(HttpMethod.DELETE, r + "/group/user/bob/time?groupId=" + pick(rnd, BAD_NAMES) + "&delTime=1", null, true),
                rnd -> new Bad(HttpMethod.POST, r + "/user/" + pick(rnd, BAD_NAMES) + "/delete/all", null, true),
                rnd -> new Bad(HttpMethod.POST, r + "/user/alice/delete/all", null, false),
                rnd -> new Bad(HttpMethod.GET, b + "/users/alice/user_channels/page", null, false),
                rnd -> new Bad(HttpMethod.DELETE, r + "/chat/user/alice?userId=bob&msgIdList=" + ids.get(1), "other-app-token", true),
                rnd -> new Bad(HttpMethod.POST, b + "/token", pick(rnd, List.of("{", "{}", "{\"grant_type\":\"client_credentials\"}",
                        "{\"grant_type\":\"client_credentials\",\"client_id\":\"test-client\",\"client_secret\":\"wrong\"}",
                        "{\"grant_type\":\"client_credentials\",\"client_id\":\"test-client\",\"client_secret\":\"test-secret\",\"ttl\":-5}")), false),
                rnd -> new Bad(HttpMethod.POST, "/internal" + b + "/messages", "{\"from\":\"alice\"}", false),
                rnd -> new Bad(HttpMethod.PUT, b + "/users/alice/user_channels/page", null, true));

        Snapshot before = snapshot(app);
        Random rnd = new Random(20261125L);
        int sent = 0;
        List<String> failures = new ArrayList<>();
        java.util.Set<Integer> statuses = new java.util.TreeSet<>();
        while (sent < 1100) {
            for (Function<Random, Bad> kind : kinds) {
                Bad bad = kind.apply(rnd);
                String useToken = !bad.authenticated() ? null
                        : "other-app-token".equals(bad.body()) ? otherToken : token;
                String body = "other-app-token".equals(bad.body()) ? null : bad.body();
                var answer = api.call(bad.method(), bad.path(), useToken, body);
                int status = answer.getStatusCode().value();
                if (status < 400 || status >= 500 || answer.getBody() == null || !answer.getBody().has("error")) {
                    failures.add(status + " " + bad.method() + " " + bad.path() + " " + body + " -> " + answer.getBody());
                } else {
                    statuses.add(status);
                }
                sent++;
            }
        }
        assertThat(failures).as("requests that did not get a 4xx error body").isEmpty();
        // each kind of defect gets its own refusal: bad input, no token, unknown resource or method
        assertThat(statuses).as("statuses of the refusals").contains(400, 401, 404);
        assertThat(snapshot(app)).isEqualTo(before);
    }

    private record Snapshot(List<Object> values) {
    }

    private Snapshot snapshot(App app) {
        long id = app.appId();
        List<Object> v = new ArrayList<>();
        v.addAll(db.select(count(), coalesce(sum(MESSAGE.MSG_ID), java.math.BigDecimal.ZERO),
                count(MESSAGE.DELETED_FOR_ALL_AT)).from(MESSAGE).where(MESSAGE.APP_ID.eq(id)).fetchOne().intoList());
        v.addAll(db.select(count(), coalesce(sum(CONVERSATION.LATEST_VISIBLE_MSG_ID), java.math.BigDecimal.ZERO),
                coalesce(sum(CONVERSATION.CLEARED_BEFORE_MSG_ID), java.math.BigDecimal.ZERO),
                count(CONVERSATION.LATEST_VISIBLE_ORIGIN))
                .from(CONVERSATION).where(CONVERSATION.APP_ID.eq(id)).fetchOne().intoList());
        v.add(db.fetchCount(CONVERSATION, CONVERSATION.APP_ID.eq(id).and(CONVERSATION.HIDDEN.isTrue())));
        v.add(db.fetchCount(MESSAGE_HIDDEN, MESSAGE_HIDDEN.APP_ID.eq(id)));
        v.add(db.fetchCount(APP_USER, APP_USER.APP_ID.eq(id)));
        v.add(db.fetchCount(GROUP_MEMBER, GROUP_MEMBER.APP_ID.eq(id)));
        v.add(db.select(APP_SETTING.VERSION).from(APP_SETTING).where(APP_SETTING.APP_ID.eq(id)).fetchOne().value1());
        return new Snapshot(v.stream().map(String::valueOf).map(Object.class::cast).toList());
    }

    private static String pick(Random rnd, List<String> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    private static String manyTargets(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("\"u" + i + "\"");
        }
        return "[" + String.join(",", names) + "]";
    }
}
