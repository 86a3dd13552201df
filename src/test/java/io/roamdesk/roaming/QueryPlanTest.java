package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hot queries use the index they were designed for, on the demo data: no full scan, no
 * filesort. Plans are read with EXPLAIN on the embedded MariaDB.
 */
@IntegrationTest
class QueryPlanTest {

    @Autowired
    MessageRepository messageRows;
    @Autowired
    ConversationIndexRepository conversationIndex;
    @Autowired
    AppService apps;
    @Autowired
    DSLContext db;
    @Autowired
    ConversationPrefsRepository prefs;
    @Autowired
    UnreadRepository unread;

    private Result<Record> explain(ResultQuery<?> query) {
        return db.fetch("EXPLAIN " + db.renderInlined(query));
    }

    private void assertUses(ResultQuery<?> query, String table, String index) {
        Result<Record> plan = explain(query);
        Record row = plan.stream().filter(r -> table.equals(r.get("table"))).findFirst().orElseThrow();
        assertThat(row.get("key", String.class)).as(plan.format()).isEqualTo(index);
        assertThat(row.get("type", String.class)).as(plan.format()).isNotEqualTo("ALL");
        for (Record r : plan) {
            assertThat(String.valueOf(r.get("Extra"))).as(plan.format()).doesNotContain("filesort").doesNotContain("temporary");
        }
    }

    private App demo() {
        return apps.require(new AppKey("demo", "roaming"));
    }

    @Test
    void historyPagesWalkThePrimaryKeyOfOneConversation() {
        App app = demo();
        String conv = ConvKeys.single("alice", "bob");
        for (Direction d : Direction.values()) {
            assertUses(messageRows.historyQuery(app.appId(), conv, "alice", 0, HistoryFilter.none(), d,
                    d == Direction.UP ? Long.MAX_VALUE : 0, false, 51), "message", "PRIMARY");
        }
        // the one-way deletions are probed by their own primary key, row by row
        Result<Record> plan = explain(messageRows.historyQuery(app.appId(), conv, "alice", 0, HistoryFilter.none(),
                Direction.UP, Long.MAX_VALUE, false, 51));
        assertThat(plan.stream().filter(r -> "message_hidden".equals(r.get("table"))).findFirst().orElseThrow()
                .get("key", String.class)).as(plan.format()).isEqualTo("PRIMARY");
    }

    @Test
    void filteredHistoryUsesTheSenderAndTypeIndexes() {
        App app = demo();
        String conv = ConvKeys.group("product");
        assertUses(messageRows.historyQuery(app.appId(), conv, "alice", 0, new HistoryFilter(null, null, "alice", Set.of()),
                Direction.UP, Long.MAX_VALUE, false, 51), "message", "ix_message_sender");
        assertUses(messageRows.historyQuery(app.appId(), conv, "alice", 0, new HistoryFilter(null, null, null, Set.of(BodyType.IMG)),
                Direction.UP, Long.MAX_VALUE, false, 51), "message", "ix_message_body_type");
    }

    @Test
    void theConversationListWalksTheActivityIndexOfOneOwner() {
        App app = demo();
        assertUses(conversationIndex.listQuery(app.appId(), "alice", false, false, null, 0, 0, 21), "conversation",
                "ix_conversation_activity");
        assertUses(conversationIndex.listQuery(app.appId(), "alice", true, false, Long.MAX_VALUE, 0, 0, 21), "conversation",
                "ix_conversation_activity");
    }

    @Test
    void thePinnedAndMarkedListsWalkOneOwnersIndexes() {
        App app = demo();
        assertUses(prefs.pinnedQuery(app.appId(), "alice", false, 0, null, null, 51), "conversation", "ix_conversation_pinned");
        assertUses(prefs.pinnedQuery(app.appId(), "alice", true, 0, 3, Long.MAX_VALUE, 51), "conversation",
                "ix_conversation_pinned");
        assertUses(prefs.markedQuery(app.appId(), "alice", false, 0, 3, null, 21), "conversation", "ix_conversation_activity");
        assertUses(prefs.markedQuery(app.appId(), "alice", true, 0, 3, Long.MAX_VALUE, 21), "conversation",
                "ix_conversation_activity");
    }

    @Test
    void unreadCountsWalkThePrimaryKeyOfEachConversationAndProbeTheOwnersDeletions() {
        App app = demo();
        var probes = List.of(new UnreadRepository.Probe(ConvKeys.single("alice", "bob"), 0, Long.MAX_VALUE),
                new UnreadRepository.Probe(ConvKeys.group("product"), 0, Long.MAX_VALUE));
        Result<Record> plan = explain(unread.unreadQuery(app.appId(), "alice", probes, ServerConversations.UNREAD_CAP));
        var messages = plan.stream().filter(r -> "message".equals(r.get("table"))).toList();
        assertThat(messages).as(plan.format()).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("key", String.class)).as(plan.format()).isEqualTo("PRIMARY"));
        assertThat(plan.stream().filter(r -> "message_hidden".equals(r.get("table"))).toList()).as(plan.format()).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("key", String.class)).as(plan.format()).isEqualTo("PRIMARY"));
        for (Record r : plan) {
            assertThat(String.valueOf(r.get("Extra"))).as(plan.format()).doesNotContain("filesort");
        }
    }
}
