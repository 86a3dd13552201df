package io.roamdesk.bench;

import static io.roamdesk.jooq.Tables.MESSAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.jooq.enums.MessageBodyType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * The keyword-search rows of the benchmark (issue 16): a common word's first page of hits, and a
 * rare word planted once at 90 % depth, both through HTTP on one long conversation.
 */
final class SearchRows {

    static final String RARE = "zebracorn";
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    private SearchRows() {
    }

    /** Makes the message at 90 % depth of the conversation the only one holding {@link #RARE}; answers its id. */
    static long plantRareWord(DSLContext db, long appId, String convKey, long size) {
        long id = db.select(MESSAGE.MSG_ID).from(MESSAGE).where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey))
                .orderBy(MESSAGE.MSG_ID.desc()).limit(1).offset((long) (size * 0.9)).fetchOne(MESSAGE.MSG_ID);
        db.update(MESSAGE).set(MESSAGE.BODY_TYPE, MessageBodyType.txt)
                .set(MESSAGE.BODY, JSON.json("{\"type\":\"txt\",\"msg\":\"a " + RARE + " was seen near the lake\"}"))
                .where(MESSAGE.APP_ID.eq(appId)).and(MESSAGE.CONV_KEY.eq(convKey)).and(MESSAGE.MSG_ID.eq(id)).execute();
        return id;
    }

    private static String path(String base, String owner, String peer) {
        return base + "/users/" + owner + "/user_channels/chat/" + peer + "/messages/search?pageSize=20&q=";
    }

    /** The first page of 20 hits of a common word: one row. */
    static String common(String base, String token, String owner, String peer, long size, String word, int warmup,
            int runs) throws Exception {
        String url = path(base, owner, peer) + enc(word);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        Latencies first = Latencies.of(warmup, runs, () -> {
            if (call(url, auth).get("msgs").size() != 20) {
                throw new IllegalStateException("not a full page of hits for " + word);
            }
        });
        return String.format("| Search, first page of 20 hits, common word `%s`, HTTP, conversation of %,d | %s | p99 ≤ 100 ms |",
                word, size, first.row());
    }

    /** The rare word planted at 90 % depth: each call, and the whole search following the cursor to the hit. */
    static List<String> rare(String base, String token, String owner, String peer, long rareId) throws Exception {
        List<String> rows = new ArrayList<>();
        String path = path(base, owner, peer);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        List<Integer> calls = new ArrayList<>();
        List<Long> scanned = new ArrayList<>();
        Latencies perCall = new Latencies();
        Latencies whole = Latencies.of(0, 10, () -> {
            String cursor = "";
            int n = 0;
            long rows1 = 0;
            while (true) {
                long start = System.nanoTime();
                JsonNode data = call(path + RARE + "&cursor=" + cursor, auth);
                perCall.record(System.nanoTime() - start);
                n++;
                rows1 += data.get("scanned").asLong();
                if (data.get("msgs").size() > 0) {
                    if (!data.get("msgs").get(0).get("msg_id").asText().equals(Long.toString(rareId))) {
                        throw new IllegalStateException("found the wrong message: " + data);
                    }
                    break;
                }
                cursor = data.get("next_key").asText();
                if (cursor.isEmpty()) {
                    throw new IllegalStateException("the rare word was not found");
                }
            }
            calls.add(n);
            scanned.add(rows1);
        });
        rows.add(String.format("| Search, rare word (one hit at 90 %% depth), HTTP: each call (answers within its budget, with a cursor) | %s | ≤ 500 ms or resumable |",
                perCall.row()));
        rows.add(String.format("| … the whole search until the hit: %d calls, %,d messages read | %s | (follows the cursor) |",
                calls.get(calls.size() - 1), scanned.get(scanned.size() - 1), whole.row()));
        return rows;
    }

    /** The answer's {@code data}. */
    private static JsonNode call(String url, Map<String, String> headers) throws Exception {
        BenchHttp.Response r = BenchHttp.call("GET", url, headers, null);
        if (r.status() != 200) {
            throw new IllegalStateException("GET " + url + " -> " + r.status() + " " + r.body());
        }
        return JSON_MAPPER.readTree(r.body()).get("data");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
