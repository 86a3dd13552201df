package io.roamdesk.bench;

import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import io.roamdesk.core.Snowflake;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.BulkLoader;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConvKeys;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.StoredMessage;
import io.roamdesk.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The keyword-search rows alone, on one conversation of {@code roamdesk.bench.search.messages}
 * messages (default 1,000,000) loaded directly: a shorter run than {@link BenchmarkTest} for
 * a shared machine. Prints its rows; docs/benchmarks.md records them by hand.
 */
@IntegrationTest
@Tag("benchmark")
class SearchBenchmarkTest {

    private static final int MESSAGES = Integer.getInteger("roamdesk.bench.search.messages", 1_000_000);
    // mixed like the demo's: English and Chinese, "today" and "今天" in about one text message of ten
    private static final List<String> TEXTS = List.of("Stand-up moves to 10:00 today.", "收到，谢谢！",
            "Could you send me the latest version of the contract?", "客户反馈说消息同步有延迟。", "OK, on it right now.",
            "今天下雨，记得带伞。", "Let's discuss the budget next Tuesday.", "周末一起去爬山吗？", "Got it, thanks!",
            "发布说明我已经更新到文档里了。");

    @LocalServerPort
    int port;
    @Autowired
    AppService apps;
    @Autowired
    ApiCredentials credentials;
    @Autowired
    BulkLoader loader;
    @Autowired
    DSLContext db;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void run() throws Exception {
        App app = apps.createApp(new AppKey("benchsearch", "roaming" + System.nanoTime() % 100_000),
                AppSettings.defaults().withRoaming(true));
        credentials.createClient(app.appId(), "bench", "bench-secret", "benchmark client");
        String conv = ConvKeys.single("alice", "bob");
        long t0 = System.currentTimeMillis() - MESSAGES * 10L;
        long loadStart = System.nanoTime();
        List<StoredMessage> batch = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            boolean fromAlice = i % 2 == 0;
            int kind = i % 10;
            BodyType type = kind < 8 ? BodyType.TXT : kind == 8 ? BodyType.FILE : BodyType.IMG;
            String body = switch (type) {
                case TXT -> "{\"type\":\"txt\",\"msg\":\"" + TEXTS.get((i / 10 + kind) % TEXTS.size()) + "\"}";
                case FILE -> "{\"type\":\"file\",\"url\":\"https://f.example/" + i + "\",\"filename\":\"季度报告-" + i + ".pdf\"}";
                default -> "{\"type\":\"img\",\"url\":\"https://f.example/" + i + "\",\"filename\":\"IMG_" + i + ".jpg\"}";
            };
            long ts = t0 + i * 10L;
            batch.add(new StoredMessage(Snowflake.compose(ts, 1, 0), conv, fromAlice ? "alice" : "bob",
                    fromAlice ? "bob" : "alice", ChatType.CHAT, type, body, null, Origin.SDK, ts));
            if (batch.size() == 10_000) {
                loader.insertMessages(app.appId(), batch);
                batch.clear();
            }
        }
        loader.insertMessages(app.appId(), batch);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long rare = SearchRows.plantRareWord(db, app.appId(), conv, MESSAGES);
        String base = "http://localhost:" + port + "/" + app.key().org() + "/" + app.key().app();
        BenchHttp.Response r = BenchHttp.call("POST", base + "/token", Map.of("Content-Type", "application/json"),
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"bench\",\"client_secret\":\"bench-secret\"}");
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("access_token").asText();
        List<String> rows = new ArrayList<>();
        rows.add(String.format("| Load one conversation of %,d messages (BulkLoader) | %.0f s | | | |", MESSAGES, loadSeconds));
        rows.add(SearchRows.common(base, token, "alice", "bob", MESSAGES, "today", 200, 1_000));
        rows.add(SearchRows.common(base, token, "alice", "bob", MESSAGES, "今天", 100, 500));
        rows.addAll(SearchRows.rare(base, token, "alice", "bob", rare));
        System.out.println("SEARCH BENCHMARK ROWS\n" + String.join("\n", rows));
        System.out.println("PLAN\n" + db.fetch("ANALYZE " + io.roamdesk.roaming.HotQueries.searchWalk(context,
                app.appId(), "alice", "bob", Long.MAX_VALUE, "today")).format());
    }
}
