package io.roamdesk.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.ShardLayout;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConvKeys;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.RecallService;
import io.roamdesk.roaming.SendRequest;
import io.roamdesk.roaming.ServerConversations;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On ShardingSphere over two databases ({@code -Psharded}), every statement of the hot paths (send to
 * a user and to a group, history page, list page and cursor, one-way delete, recall, read) goes to one
 * shard: the route is read from ShardingSphere's own SQL log ({@code props.sql-show}), which names the
 * data source of every statement it sends. The users are picked so that the sender, the peer and the
 * group's members live on different shards, where a statement spanning owners would need two.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*sharded.*")
class ShardRouteTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    ConversationService conversations;
    @Autowired
    ServerConversations server;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;
    @Autowired
    AuditedActions audited;
    @Autowired
    ShardLayout layout;
    @Autowired
    IngestService ingest;

    @Test
    void everyHotStatementGoesToOneShard() {
        assertThat(layout.shards()).as("shards").isEqualTo(2);
        App app = testApps.createRoaming();
        String alice = "alice";
        String bob = userOn(app, 1 - layout.shardOf(app.appId(), alice), "bob");
        String carol = userOn(app, layout.shardOf(app.appId(), alice), "carol");
        String dave = userOn(app, 1 - layout.shardOf(app.appId(), alice), "dave");
        groups.createGroup(app, "crew", "Crew", alice, List.of(bob, carol, dave));
        ConversationRef chat = ConversationRef.of(alice, ChatType.CHAT, bob);

        List<Route> routes = record(() -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(chats.text(app, alice, bob, "m" + i));
                chats.toGroup(app, bob, "crew", "g" + i);
            }
            history.fetch(app, HistoryRequest.newest(alice, ChatType.CHAT, bob, 2));
            conversations.page(app, alice, 1, 20);
            conversations.cursorPage(app, alice, null, 1);
            server.list(app, alice, null, 20, false, null);
            deletions.deleteByIds(app, chat, List.of(ids.get(0)));
            audited.recall(Actor.apiClient("test"), app,
                    List.of(new RecallService.RecallRequest(ids.get(2), bob, ChatType.CHAT, alice, false)), null, null);
            server.read(app, chat, ids.get(1));
        });

        assertThat(routes).as("statements routed").hasSizeGreaterThan(20);
        assertThat(routes.stream().flatMap(r -> r.shards().stream()).distinct())
                .as("shards reached over all").containsExactlyInAnyOrder("ds_0", "ds_1");
        assertThat(routes.stream().filter(r -> r.shards().size() != 1).toList())
                .as("hot statements routed to more than one shard").isEmpty();
    }

    /**
     * A big group (read fan-out) with members on both shards, through every step that writes many
     * members' rows — becoming big, members joining, a clear-all's settle, members leaving (settle and
     * unfollow), a delete for all of the group — its lists, and a gateway batch
     * with messages of conversations on both shards: each statement still goes to one shard.
     */
    @Test
    void bigGroupsAndBatchesSendEachStatementToOneShard() {
        App app = testApps.create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true).withBigGroupMembers(2));
        int aliceShard = layout.shardOf(app.appId(), "alice");
        String bob = userOn(app, 1 - aliceShard, "bob");
        String carol = userOn(app, aliceShard, "carol");
        String dave = userOn(app, 1 - aliceShard, "dave");
        String erin = userOn(app, aliceShard, "erin");
        String frank = userOn(app, 1 - aliceShard, "frank");
        groups.createGroup(app, "hall", "Hall", "alice", List.of(bob, carol, dave));
        String otherChat = pairOn(app, 1 - layout.shardOf(app.appId(), ConvKeys.single("alice", bob)));

        List<Route> routes = record(() -> {
            chats.toGroup(app, bob, "hall", "g0"); // four members over two: the group becomes big
            groups.addMembers(app, "hall", List.of(erin, frank));
            chats.toGroup(app, "alice", "hall", "g1");
            conversations.page(app, carol, 1, 20);
            server.list(app, carol, null, 20, false, null);
            deletions.clearAll(app, carol);
            groups.removeMembers(app, "hall", List.of(dave, erin));
            ingest.sendBatch(app, List.of(
                    new SendRequest("alice", ChatType.CHAT, List.of(bob), BodyType.TXT, "{\"msg\":\"b0\"}", null, Origin.SDK),
                    new SendRequest(otherChat, ChatType.CHAT, List.of(carol), BodyType.TXT, "{\"msg\":\"b1\"}", null, Origin.SDK)));
            deletions.deleteConversation(app, ConversationRef.of("alice", ChatType.GROUPCHAT, "hall"), true, n -> { });
        });

        assertThat(routes).as("statements routed").hasSizeGreaterThan(20);
        assertThat(routes.stream().filter(r -> r.sql().contains("follow_from_msg_id")).flatMap(r -> r.shards().stream())
                .distinct()).as("shards of the members' following rows").containsExactlyInAnyOrder("ds_0", "ds_1");
        assertThat(routes.stream().filter(r -> r.shards().size() != 1).toList())
                .as("statements routed to more than one shard").isEmpty();
    }

    /** A user whose chat with carol lives on the given shard. */
    private String pairOn(App app, int shard) {
        for (int i = 0; ; i++) {
            String candidate = "gina" + i;
            if (layout.shardOf(app.appId(), ConvKeys.single(candidate, "carol")) == shard) {
                return candidate;
            }
        }
    }

    /** The first of name, name1, name2... whose rows live on the given shard. */
    private String userOn(App app, int shard, String name) {
        for (int i = 0; ; i++) {
            String candidate = i == 0 ? name : name + i;
            if (layout.shardOf(app.appId(), candidate) == shard) {
                return candidate;
            }
        }
    }

    /** One statement the application ran and the shards ShardingSphere sent it to. */
    record Route(String sql, Set<String> shards) {
    }

    /** Every statement run on this thread while {@code work} runs, with the shards it went to. */
    private static List<Route> record(Runnable work) {
        Logger sqlLog = (Logger) LoggerFactory.getLogger("ShardingSphere-SQL");
        Level before = sqlLog.getLevel();
        Thread me = Thread.currentThread();
        List<Route> routes = new ArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

            @Override
            protected void append(ILoggingEvent event) {
                if (!event.getThreadName().equals(me.getName())) {
                    return;
                }
                String line = event.getFormattedMessage();
                if (line.startsWith("Logic SQL: ")) {
                    routes.add(new Route(line.substring("Logic SQL: ".length()), new TreeSet<>()));
                } else if (line.startsWith("Actual SQL: ") && !routes.isEmpty()) {
                    String rest = line.substring("Actual SQL: ".length());
                    routes.get(routes.size() - 1).shards().add(rest.substring(0, rest.indexOf(" ::: ")));
                }
            }
        };
        appender.setContext(sqlLog.getLoggerContext());
        appender.start();
        sqlLog.addAppender(appender);
        sqlLog.setLevel(Level.INFO);
        try {
            work.run();
        } finally {
            sqlLog.setLevel(before);
            sqlLog.detachAppender(appender);
            appender.stop();
        }
        return routes;
    }
}
