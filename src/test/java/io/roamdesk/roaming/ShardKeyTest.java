package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.SqlCapture;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every statement the roaming services run against the message tables is bounded by the shard key
 * of a future Vitess/TiDB deployment: app + conversation for {@code message} and
 * {@code message_hidden}, app + owner for {@code conversation}.
 */
@IntegrationTest
class ShardKeyTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    GroupService groups;
    @Autowired
    ConversationService conversations;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;
    @Autowired
    SearchService search;
    @Autowired
    IngestService ingest;
    @Autowired
    io.roamdesk.audit.AuditedActions audited;
    @Autowired
    ServerConversations server;

    @Test
    void everyQueryOnMessagesAndConversationsIsBoundedByItsShardKey() {
        // crew (3 members) is a big group here, read fan-out; pair (2) stays on write fan-out
        App app = testApps.create(io.roamdesk.app.AppSettings.defaults().withRoaming(true).withOneWayDelete(true)
                .withBigGroupMembers(2));
        groups.createGroup(app, "crew", "Crew", "alice", List.of("bob", "carol"));
        groups.createGroup(app, "pair", "Pair", "alice", List.of("bob"));
        SqlCapture.start();
        chats.toGroup(app, "alice", "pair", "p0");
        groups.addMembers(app, "crew", List.of("dave", "erin"));
        groups.removeMembers(app, "crew", List.of("erin"));
        List<Long> ids = new ArrayList<>();
        long groupMsg = 0;
        for (int i = 0; i < 5; i++) {
            ids.add(chats.text(app, "alice", "bob", "m" + i));
            groupMsg = chats.toGroup(app, "bob", "crew", "g" + i);
        }
        ingest.sendBatch(app, List.of(
                new SendRequest("carol", ChatType.CHAT, List.of("alice"), BodyType.TXT, "{\"msg\":\"b1\"}", null, Origin.SDK),
                new SendRequest("bob", ChatType.GROUPCHAT, List.of("crew"), BodyType.TXT, "{\"msg\":\"b2\"}", null, Origin.SDK)));
        ConversationRef chat = ConversationRef.of("alice", ChatType.CHAT, "bob");
        ConversationRef group = ConversationRef.of("carol", ChatType.GROUPCHAT, "crew");
        conversations.page(app, "alice", 1, 20);
        conversations.cursorPage(app, "alice", null, 1);
        conversations.legacy(app, "alice");
        conversations.consolePage(app, "alice", null, 20, true);
        server.pin(app, chat, true);
        server.mark(app, "alice", List.of(chat, ConversationRef.of("alice", ChatType.GROUPCHAT, "crew")), 3, true);
        server.read(app, chat, ids.get(1));
        server.list(app, "alice", null, 20, false, null);
        server.list(app, "alice", null, 20, true, null);
        server.list(app, "alice", null, 20, false, 3);
        server.entries(app, "alice", conversations.consolePage(app, "alice", null, 20, true).conversations());
        server.readAll(app, "alice");
        server.mark(app, "alice", List.of(chat), 3, false);
        server.pin(app, chat, false);
        history.fetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 2));
        history.fetch(app, new HistoryRequest("carol", ChatType.GROUPCHAT, "crew", null, null, Direction.DOWN, 2,
                new HistoryFilter(0L, System.currentTimeMillis(), "bob", Set.of(BodyType.TXT))));
        history.consoleFetch(app, HistoryRequest.newest("alice", ChatType.CHAT, "bob", 5), true);
        search.search(app, SearchRequest.newest("alice", ChatType.CHAT, "bob", "m", 2));
        search.search(app, new SearchRequest("carol", ChatType.GROUPCHAT, "crew", "g", null, 2,
                new HistoryFilter(0L, System.currentTimeMillis(), "bob", Set.of(BodyType.TXT))));
        var recaller = io.roamdesk.audit.Actor.apiClient("test");
        audited.recall(recaller, app, List.of(new RecallService.RecallRequest(ids.get(4), "bob", ChatType.CHAT, "alice", false),
                new RecallService.RecallRequest(groupMsg, "crew", ChatType.GROUPCHAT, null, false)), null, null);
        deletions.deleteByIds(app, ConversationRef.of("bob", ChatType.CHAT, "alice"), List.of(ids.get(3)));
        audited.recall(recaller, app, List.of(new RecallService.RecallRequest(ids.get(2), "bob", ChatType.CHAT, "alice", false)),
                null, null);
        deletions.previewByIds(app, chat, ids.subList(0, 2));
        deletions.deleteByIds(app, chat, ids.subList(0, 2));
        deletions.previewBefore(app, chat, System.currentTimeMillis());
        deletions.deleteBefore(app, group, System.currentTimeMillis());
        deletions.previewConversation(app, chat, true);
        deletions.deleteConversation(app, chat, true, n -> { });
        deletions.previewClearAll(app, "carol");
        deletions.clearAll(app, "carol");
        // the undos of a delete by ids and of a clear-all (UndoService)
        var agent = new io.roamdesk.audit.Actor("agent", "SUPPORT");
        long byIds = deletions.deleteByIds(app, group, List.of(groupMsg), Deleter.UNNAMED).deletionId();
        audited.undoDeletion(agent, app, "carol", byIds, "shard key check");
        long all = deletions.clearAll(app, "bob", Deleter.UNNAMED).deletionId();
        audited.undoDeletion(agent, app, "bob", all, "shard key check");
        List<String> sql = SqlCapture.stop();

        List<String> unbounded = new ArrayList<>();
        int checked = 0;
        for (String statement : sql) {
            String s = statement.toLowerCase();
            if (s.startsWith("insert") && !s.contains("select")) {
                continue; // writes of given rows: the shard key is in the values
            }
            boolean touchesMessages = s.contains("`message`") || s.contains("`message_hidden`");
            boolean touchesConversations = s.contains("`conversation`");
            if (!touchesMessages && !touchesConversations) {
                continue;
            }
            checked++;
            boolean ok = true;
            if (touchesMessages) {
                ok &= s.contains("`message`.`app_id` =") || s.contains("`message_hidden`.`app_id` =");
                ok &= s.contains("`conv_key` =") || s.contains("(`message`.`conv_key`, `message`.`msg_id`) in");
            }
            if (touchesConversations) {
                ok &= s.contains("`conversation`.`app_id` =") || s.contains("`group_member`.`app_id` =");
                ok &= s.contains("`conversation`.`owner` =") || s.contains("(`conversation`.`owner`, `conversation`.`conv_id`) in")
                        // the owners' rows of one conversation id (a group's members), point lookups by owner
                        || s.contains("`conversation`.`owner` in (") && s.contains("`conversation`.`conv_id` =")
                        || s.contains("`group_member`.`group_id` =");
            }
            if (!ok) {
                unbounded.add(statement);
            }
        }
        assertThat(checked).as("statements checked").isGreaterThan(20);
        assertThat(unbounded).as("statements not bounded by their shard key").isEmpty();
    }
}
