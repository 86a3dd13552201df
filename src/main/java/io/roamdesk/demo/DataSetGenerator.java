package io.roamdesk.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roamdesk.core.Snowflake;
import io.roamdesk.core.WorkerLease;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.BulkLoader;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConvKeys;
import io.roamdesk.roaming.ConversationState;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.StoredMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Generates a realistic, deterministic data set (same seed and anchor, same data) and loads it
 * through {@link BulkLoader}. Messages are produced in time order and written in chunks, so memory
 * stays flat however large the set; only the latest message of each conversation (and each sender's
 * latest in it) is kept to build the conversation index at the end.
 */
@Service
public class DataSetGenerator {

    private static final Logger log = LoggerFactory.getLogger(DataSetGenerator.class);
    private static final int WRITE_CHUNK = 5_000;
    private static final long DAY_MS = 86_400_000L;

    /** Named demo users first, so the console has recognisable people to look up. */
    static final List<String> NAMED_USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank",
            "grace", "heidi", "ivan", "judy", "zhangwei", "lina", "wangfang", "liuyang", "chenjing",
            "zhaolei", "sunli", "zhouxun", "wuhao", "xuming");

    private final BulkLoader loader;
    private final ObjectMapper json;

    DataSetGenerator(BulkLoader loader, ObjectMapper json) {
        this.loader = loader;
        this.json = json;
    }

    /** What was generated, for logs and for tests that check the set's shape. */
    public record Summary(int users, int groups, long messages, int conversations, long millis) {
    }

    private record Group(String id, String name, List<String> members, double weight) {
    }

    private record Latest(long msgId, Origin origin) {
    }

    public Summary generate(long appId, DataSetSpec spec, long anchorMs) {
        long started = System.currentTimeMillis();
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        List<String> active = activeUsers(spec.activeUsers());
        List<String> listeners = new ArrayList<>();
        for (int i = 1; i <= spec.listeners(); i++) {
            listeners.add(String.format("reader%03d", i));
        }
        long startMs = anchorMs - spec.days() * DAY_MS;
        List<String> everyone = new ArrayList<>(active);
        everyone.addAll(listeners);
        loader.insertUsers(appId, everyone, startMs);

        List<Group> groups = groups(active, listeners, spec.bigGroupSize(), rnd);
        for (Group g : groups) {
            loader.insertGroup(appId, g.id(), g.name(), g.members().get(0), g.members(), startMs);
        }
        List<String[]> pairs = pairs(active, spec.hubChats(), rnd);

        Map<String, Latest> latestByConv = new HashMap<>();
        Map<String, Long> latestBySender = new HashMap<>();
        // per conversation its message count, per sender in it the count at their newest own message:
        // everything after that came from others, the row's unread count (the generator hides nothing)
        Map<String, Integer> counted = new HashMap<>();
        List<StoredMessage> chunk = new ArrayList<>(WRITE_CHUNK);
        double step = (double) (anchorMs - startMs) / spec.messages();
        long lastMs = -1;
        int seq = 0;
        for (int i = 0; i < spec.messages(); i++) {
            long ts = startMs + (long) (i * step) + (long) (rnd.nextDouble() * step);
            ts = Math.max(ts, lastMs);
            seq = ts == lastMs ? seq + 1 : 0;
            if (seq > Snowflake.MAX_SEQUENCE) {
                ts++;
                seq = 0;
            }
            lastMs = ts;
            long id = Snowflake.compose(ts, WorkerLease.BULK_LOAD_WORKER, seq);
            double r = rnd.nextDouble();
            StoredMessage m = r < spec.hotShare() ? singleMessage(id, ts, pairs.get(0), rnd)
                    : r < spec.hotShare() + 0.4 * (1 - spec.hotShare()) ? groupMessage(id, ts, pick(groups, rnd), rnd)
                    : singleMessage(id, ts, pairs.get(skewedIndex(pairs.size(), rnd)), rnd);
            latestByConv.put(m.convKey(), new Latest(m.msgId(), m.origin()));
            latestBySender.put(senderKey(m.convKey(), m.from()), m.msgId());
            int n = counted.merge(m.convKey(), 1, Integer::sum);
            counted.put(senderKey(m.convKey(), m.from()), n);
            chunk.add(m);
            if (chunk.size() == WRITE_CHUNK) {
                loader.insertMessages(appId, chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            loader.insertMessages(appId, chunk);
        }
        List<ConversationState> index = conversationIndex(latestByConv, latestBySender, counted, pairs, groups);
        loader.insertConversations(appId, index);
        long took = System.currentTimeMillis() - started;
        log.info("Generated {} users, {} groups, {} messages, {} conversation rows in {} ms", everyone.size(),
                groups.size(), spec.messages(), index.size(), took);
        return new Summary(everyone.size(), groups.size(), spec.messages(), index.size(), took);
    }

    private static List<String> activeUsers(int n) {
        List<String> users = new ArrayList<>(NAMED_USERS.subList(0, Math.min(n, NAMED_USERS.size())));
        for (int i = users.size() + 1; users.size() < n; i++) {
            users.add(String.format("user%03d", i));
        }
        return users;
    }

    private static List<Group> groups(List<String> active, List<String> listeners, int bigSize, SplittableRandom rnd) {
        List<String> big = new ArrayList<>(active);
        big.addAll(listeners);
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("town-hall", "全员大群 Town hall", big.subList(0, bigSize), 0.25));
        groups.add(new Group("product", "产品讨论 Product", sample(active, 40, rnd), 0.30));
        groups.add(new Group("support-desk", "客服支持 Support desk", sample(active, 25, rnd), 0.25));
        groups.add(new Group("hiking", "周末爬山 Weekend hiking", sample(active, 12, rnd), 0.12));
        groups.add(new Group("design", "设计评审 Design review", sample(active, 8, rnd), 0.08));
        return groups;
    }

    /** The first five named users are always members, so the demo people have group chats. */
    private static List<String> sample(List<String> users, int n, SplittableRandom rnd) {
        LinkedHashMap<String, Boolean> picked = new LinkedHashMap<>();
        users.subList(0, 5).forEach(u -> picked.put(u, true));
        while (picked.size() < Math.min(n, users.size())) {
            picked.put(users.get(rnd.nextInt(users.size())), true);
        }
        return new ArrayList<>(picked.keySet());
    }

    /** Friend pairs: alice-bob first (the long demo conversation), then about six friends each. */
    private static List<String[]> pairs(List<String> users, int hubChats, SplittableRandom rnd) {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        pairs.put(ConvKeys.single(users.get(0), users.get(1)), new String[] {users.get(0), users.get(1)});
        for (String u : users) {
            for (int k = 0; k < 3; k++) {
                String v = users.get(rnd.nextInt(users.size()));
                if (!v.equals(u)) {
                    pairs.putIfAbsent(ConvKeys.single(u, v), new String[] {u, v});
                }
            }
        }
        // the first user is a hub with about forty quieter chats, so the demo has a long conversation list
        for (int i = 2; i < Math.min(users.size(), hubChats + 2); i++) {
            pairs.putIfAbsent(ConvKeys.single(users.get(0), users.get(i)), new String[] {users.get(0), users.get(i)});
        }
        return new ArrayList<>(pairs.values());
    }

    /** Zipf-like: a few conversations get most messages, most get a handful. */
    private static int skewedIndex(int n, SplittableRandom rnd) {
        return Math.min(n - 1, (int) Math.floor(Math.pow(rnd.nextDouble(), 3) * n));
    }

    private static Group pick(List<Group> groups, SplittableRandom rnd) {
        double r = rnd.nextDouble();
        for (Group g : groups) {
            r -= g.weight();
            if (r <= 0) {
                return g;
            }
        }
        return groups.get(groups.size() - 1);
    }

    private StoredMessage singleMessage(long id, long ts, String[] pair, SplittableRandom rnd) {
        boolean forward = rnd.nextBoolean();
        String from = forward ? pair[0] : pair[1];
        String to = forward ? pair[1] : pair[0];
        Origin origin = rnd.nextDouble() < 0.05 ? Origin.REST : Origin.SDK;
        BodyType type = bodyType(rnd);
        return new StoredMessage(id, ConvKeys.single(from, to), from, to, ChatType.CHAT, type,
                body(type, id, rnd), ext(rnd), origin, ts);
    }

    private StoredMessage groupMessage(long id, long ts, Group g, SplittableRandom rnd) {
        // listeners never write: only the first (active) part of the member list sends
        int writers = Math.min(g.members().size(), 200);
        String from = g.members().get(skewedIndex(writers, rnd));
        BodyType type = bodyType(rnd);
        return new StoredMessage(id, ConvKeys.group(g.id()), from, g.id(), ChatType.GROUPCHAT, type,
                body(type, id, rnd), ext(rnd), Origin.SDK, ts);
    }

    private static BodyType bodyType(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        if (r < 0.70) {
            return BodyType.TXT;
        } else if (r < 0.78) {
            return BodyType.IMG;
        } else if (r < 0.83) {
            return BodyType.AUDIO;
        } else if (r < 0.86) {
            return BodyType.VIDEO;
        } else if (r < 0.90) {
            return BodyType.FILE;
        } else if (r < 0.94) {
            return BodyType.LOC;
        } else if (r < 0.96) {
            return BodyType.CMD;
        }
        return BodyType.CUSTOM;
    }

    private String body(BodyType type, long id, SplittableRandom rnd) {
        ObjectNode b = json.createObjectNode().put("type", type.wire());
        String file = "https://files.example.com/demo/" + Long.toString(id, 36);
        switch (type) {
            case TXT -> b.put("msg", Phrases.TEXTS.get(rnd.nextInt(Phrases.TEXTS.size())));
            case IMG -> {
                b.put("url", file + ".jpg").put("filename", "IMG_" + (id % 10_000) + ".jpg")
                        .put("file_length", 80_000 + rnd.nextInt(3_000_000));
                b.putObject("size").put("width", 1080).put("height", 1440);
            }
            case AUDIO -> b.put("url", file + ".amr").put("filename", "voice.amr")
                    .put("length", 1 + rnd.nextInt(59)).put("file_length", 2_000 + rnd.nextInt(60_000));
            case VIDEO -> b.put("url", file + ".mp4").put("filename", "clip.mp4").put("thumb", file + "-thumb.jpg")
                    .put("length", 3 + rnd.nextInt(120)).put("file_length", 500_000 + rnd.nextInt(20_000_000));
            case FILE -> b.put("url", file).put("filename", Phrases.FILES.get(rnd.nextInt(Phrases.FILES.size())))
                    .put("file_length", 10_000 + rnd.nextInt(5_000_000));
            case LOC -> b.put("lat", 22.5 + rnd.nextDouble() * 18).put("lng", 100 + rnd.nextDouble() * 20)
                    .put("addr", Phrases.PLACES.get(rnd.nextInt(Phrases.PLACES.size())));
            case CMD -> b.put("action", rnd.nextBoolean() ? "typing" : "read_ack");
            case CUSTOM -> {
                b.put("customEvent", "gift");
                b.putObject("customExts").put("gift", rnd.nextBoolean() ? "rose" : "红包").put("count", "1");
            }
        }
        return b.toString();
    }

    private String ext(SplittableRandom rnd) {
        ObjectNode ext = json.createObjectNode();
        if (rnd.nextDouble() < 0.1) {
            ext.put("priority", "high");
        }
        return ext.toString();
    }

    private static List<ConversationState> conversationIndex(Map<String, Latest> latest, Map<String, Long> bySender,
            Map<String, Integer> counted,
            List<String[]> pairs, List<Group> groups) {
        List<ConversationState> rows = new ArrayList<>();
        for (String[] p : pairs) {
            String key = ConvKeys.single(p[0], p[1]);
            Latest l = latest.get(key);
            if (l != null) {
                rows.add(new ConversationState(p[0], ChatType.CHAT, p[1], key, l.msgId(), l.msgId(), l.origin(),
                        bySender.getOrDefault(senderKey(key, p[0]), 0L), unread(counted, key, p[0])));
                rows.add(new ConversationState(p[1], ChatType.CHAT, p[0], key, l.msgId(), l.msgId(), l.origin(),
                        bySender.getOrDefault(senderKey(key, p[1]), 0L), unread(counted, key, p[1])));
            }
        }
        for (Group g : groups) {
            String key = ConvKeys.group(g.id());
            Latest l = latest.get(key);
            if (l != null) {
                for (String m : g.members()) {
                    rows.add(new ConversationState(m, ChatType.GROUPCHAT, g.id(), key, l.msgId(), l.msgId(), l.origin(),
                            bySender.getOrDefault(senderKey(key, m), 0L), unread(counted, key, m)));
                }
            }
        }
        return rows;
    }

    private static int unread(Map<String, Integer> counted, String convKey, String owner) {
        int all = counted.getOrDefault(convKey, 0);
        return Math.min(io.roamdesk.roaming.ServerConversations.UNREAD_CAP, all - counted.getOrDefault(senderKey(convKey, owner), 0));
    }

    private static String senderKey(String convKey, String sender) {
        return convKey + '\n' + sender;
    }
}
