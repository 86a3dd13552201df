package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.support.IntegrationTest;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search's walk uses the history's indexes on the demo data: the primary key of one
 * conversation newest first (or the sender / body-type index when filtered), no full scan, no
 * filesort, and the one-way deletions probed by their primary key.
 */
@IntegrationTest
class SearchQueryPlanTest {

    @Autowired
    SearchRepository repo;
    @Autowired
    AppService apps;
    @Autowired
    DSLContext db;

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

    private ResultQuery<?> walk(String conv, HistoryFilter filter, Set<BodyType> searched) {
        App app = apps.require(new AppKey("demo", "roaming"));
        return repo.walkQuery(app.appId(), conv, "alice", 0, filter, searched, Long.MAX_VALUE, "%hello%", 4096);
    }

    @Test
    void theWalkFollowsThePrimaryKeyOfOneConversation() {
        String conv = ConvKeys.single("alice", "bob");
        assertUses(walk(conv, HistoryFilter.none(), SearchService.SEARCHABLE), "message", "PRIMARY");
        assertUses(walk(conv, HistoryFilter.none(), SearchService.SEARCHABLE), "message_hidden", "PRIMARY");
        // both searchable types asked for explicitly: the same walk, not a merge of two type ranges
        assertUses(walk(conv, new HistoryFilter(null, null, null, Set.of(BodyType.TXT, BodyType.FILE, BodyType.IMG)),
                Set.of(BodyType.TXT, BodyType.FILE)), "message", "PRIMARY");
    }

    @Test
    void aFilteredWalkUsesTheSenderOrTypeIndex() {
        String conv = ConvKeys.group("product");
        assertUses(walk(conv, new HistoryFilter(null, null, "alice", Set.of()), SearchService.SEARCHABLE), "message",
                "ix_message_sender");
        assertUses(walk(conv, new HistoryFilter(null, null, null, Set.of(BodyType.FILE)), Set.of(BodyType.FILE)), "message",
                "ix_message_body_type");
    }
}
