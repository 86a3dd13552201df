package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.DELETION_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.core.Snowflake;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The undo invariant, on generated cases: for any sequence of sends, one-way deletions (by ids, by
 * time, clear-all), undos and prunes of the oldest deletions' undo data among three users, each
 * user's history and list equal a model in which a message is hidden from its owner exactly while
 * some deletion covering it is not undone (a pruned deletion can no longer be undone).
 */
@JqwikSpringSupport
@IntegrationTest
class UndoPropertyTest {

    private static final List<String> USERS = List.of("alice", "bob", "carol");

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;
    @Autowired
    UndoService undo;
    @Autowired
    ConversationService conversations;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UndoDataPrune prune;
    @Autowired
    DSLContext db;

    /** One step: a kind (0-3 send, 4-6 by ids, 7 by time, 8 clear-all, 9-11 undo, 12 prune) and three choices. */
    record Step(int kind, int a, int b, int c) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1_000);
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 12), any, any, any).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    /** A deletion of the model: its owner, what it covers, and whether it was undone. */
    private static final class Deletion {
        final long id;
        final String owner;
        final Map<String, LongPredicate> covers = new HashMap<>();
        boolean undone;
        boolean pruned;

        Deletion(long id, String owner) {
            this.id = id;
            this.owner = owner;
        }
    }

    @Property(tries = 60)
    void everyUsersHistoryEqualsTheModel(@ForAll("steps") List<Step> steps) {
        App app = testApps.createRoaming();
        Map<String, List<Long>> sent = new HashMap<>(); // conv key -> ids in order
        List<Deletion> log = new ArrayList<>();
        for (Step s : steps) {
            // alice and bob mostly, so that deletions of one conversation pile up
            String owner = USERS.get(s.a() % 5 < 3 ? 0 : s.a() % 5 == 3 ? 1 : 2);
            String peer = USERS.get((USERS.indexOf(owner) + 1 + (s.b() % 4 == 0 ? 1 : 0)) % 3);
            ConversationRef ref = ConversationRef.of(owner, ChatType.CHAT, peer);
            List<Long> inConv = sent.getOrDefault(ref.convKey(), List.of());
            switch (s.kind()) {
                case 0, 1, 2, 3 -> sent.computeIfAbsent(ref.convKey(), k -> new ArrayList<>())
                        .add(chats.text(app, owner, peer, "m"));
                case 4, 5, 6 -> {
                    if (inConv.isEmpty()) {
                        continue;
                    }
                    Set<Long> ids = new TreeSet<>();
                    // from the first few messages mostly, so that deletions overlap
                    int range = s.b() % 4 == 0 ? inConv.size() : Math.min(3, inConv.size());
                    for (int i = 0; i <= s.c() % 3; i++) {
                        ids.add(inConv.get((s.c() + i * 7) % range));
                    }
                    Deletion d = new Deletion(deletions.deleteByIds(app, ref, new ArrayList<>(ids), Deleter.UNNAMED).deletionId(),
                            owner);
                    d.covers.put(ref.convKey(), ids::contains);
                    log.add(d);
                }
                case 7 -> {
                    if (inConv.isEmpty()) {
                        continue;
                    }
                    long watermark = Snowflake.lastIdAt(Snowflake.timestampOf(inConv.get(s.c() % inConv.size())));
                    Deletion d = new Deletion(deletions.deleteBefore(app, ref,
                            Snowflake.timestampOf(inConv.get(s.c() % inConv.size())), Deleter.UNNAMED).deletionId(), owner);
                    d.covers.put(ref.convKey(), id -> id <= watermark);
                    log.add(d);
                }
                case 8 -> {
                    Deletion d = new Deletion(deletions.clearAll(app, owner, Deleter.UNNAMED).deletionId(), owner);
                    for (String other : USERS) {
                        if (!other.equals(owner)) {
                            String key = ConvKeys.of(ChatType.CHAT, owner, other);
                            List<Long> ids = sent.getOrDefault(key, List.of());
                            long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
                            d.covers.put(key, id -> id <= last);
                        }
                    }
                    log.add(d);
                }
                case 12 -> {
                    // the oldest deletions pass the longest undo window (in creation order, as in time)
                    List<Deletion> kept = log.stream().filter(d -> !d.pruned).toList();
                    if (kept.isEmpty()) {
                        continue;
                    }
                    List<Deletion> aged = kept.subList(0, 1 + s.c() % kept.size());
                    db.update(DELETION_LOG).set(DELETION_LOG.DELETED_AT, DELETION_LOG.DELETED_AT.minus(8 * 86_400_000L))
                            .where(DELETION_LOG.APP_ID.eq(app.appId()))
                            .and(DELETION_LOG.DELETION_ID.in(aged.stream().map(d -> d.id).toList())).execute();
                    assertThat(prune.prune(app, System.currentTimeMillis())).isEqualTo(aged.size());
                    aged.forEach(d -> d.pruned = true);
                    check(app, sent, log, USERS);
                }
                default -> {
                    List<Deletion> open = log.stream().filter(d -> !d.undone && !d.pruned).toList();
                    if (open.isEmpty()) {
                        continue;
                    }
                    Deletion d = open.get(s.c() % open.size());
                    tx.executeWithoutResult(t -> undo.undo(app, d.owner, d.id, "prop", "prop"));
                    d.undone = true;
                    check(app, sent, log, List.of(d.owner));
                }
            }
        }
        check(app, sent, log, USERS);
    }

    private void check(App app, Map<String, List<Long>> sent, List<Deletion> log, List<String> owners) {
        for (String owner : owners) {
            Map<String, Long> expectedLatest = new HashMap<>();
            for (String peer : USERS) {
                if (peer.equals(owner)) {
                    continue;
                }
                String key = ConvKeys.of(ChatType.CHAT, owner, peer);
                List<Long> expected = new ArrayList<>();
                for (long id : sent.getOrDefault(key, List.of())) {
                    boolean hidden = log.stream().anyMatch(d -> !d.undone && d.owner.equals(owner)
                            && d.covers.getOrDefault(key, x -> false).test(id));
                    if (!hidden) {
                        expected.add(0, id);
                    }
                }
                List<Long> walked = HistoryWalk.ids(history, app, HistoryRequest.newest(owner, ChatType.CHAT, peer, 7));
                assertThat(walked).as("%s's history with %s", owner, peer).isEqualTo(expected);
                if (!expected.isEmpty()) {
                    expectedLatest.put(peer, expected.get(0));
                }
            }
            Map<String, Long> listed = new HashMap<>();
            conversations.page(app, owner, 1, 50).forEach(c -> listed.put(c.convId(), c.latest().msgId()));
            assertThat(listed).as("%s's list and latest messages", owner).isEqualTo(expectedLatest);
        }
    }
}
