package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.core.Snowflake;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Senders, one-way deleters (by ids and by time) and history readers run in parallel for a few
 * seconds on a few users. Afterwards, and at every read meanwhile: every acknowledged message is
 * visible to each participant unless an acknowledged delete hid it for that participant, nothing
 * so hidden is ever visible, and each conversation row's latest message is the newest visible one.
 */
@IntegrationTest
class ConcurrencyInvariantsTest {

    private static final List<String> USERS = List.of("ann", "ben", "cat", "dan");
    private static final long RUN_MILLIS = 5_000;

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    DeletionService deletions;
    @Autowired
    HistoryService history;
    @Autowired
    ConversationService conversations;

    private record Sent(long id, String from, String to) {
    }

    /** What acknowledged deletes hid for one owner in one conversation. */
    private static final class Hidden {
        final Set<Long> ids = ConcurrentHashMap.newKeySet();
        volatile long watermark = -1;

        synchronized void raise(long w) {
            watermark = Math.max(watermark, w);
        }

        boolean hides(long id) {
            return id <= watermark || ids.contains(id);
        }
    }

    private final Map<String, Hidden> hidden = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private Hidden hiddenFor(String owner, String peer) {
        return hidden.computeIfAbsent(owner + ">" + peer, k -> new Hidden());
    }

    private List<Long> visible(App app, String owner, String peer) {
        return HistoryWalk.ids(history, app, HistoryRequest.newest(owner, ChatType.CHAT, peer, 50));
    }

    @Test
    void sendsDeletesAndReadsInParallelKeepEveryInvariant() throws Exception {
        App app = testApps.createRoaming();
        long until = System.currentTimeMillis() + RUN_MILLIS;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(pool.submit(() -> repeat(until, () -> send(app))));
        }
        for (int i = 0; i < 2; i++) {
            workers.add(pool.submit(() -> repeat(until, () -> delete(app))));
        }
        workers.add(pool.submit(() -> repeat(until, () -> read(app))));
        List<Integer> rounds = new ArrayList<>();
        for (Future<Integer> w : workers) {
            rounds.add(w.get());
        }
        pool.shutdown();
        assertThat(rounds).as("every worker did real work").allMatch(n -> n >= 5);
        assertThat(violations).as("seen while running").isEmpty();

        for (String owner : USERS) {
            for (String peer : USERS) {
                if (owner.equals(peer)) {
                    continue;
                }
                Hidden h = hiddenFor(owner, peer);
                List<Long> expected = sent.stream()
                        .filter(s -> s.from().equals(owner) && s.to().equals(peer) || s.from().equals(peer) && s.to().equals(owner))
                        .map(Sent::id).filter(id -> !h.hides(id)).sorted(Collections.reverseOrder()).toList();
                assertThat(visible(app, owner, peer)).as(owner + " with " + peer).isEqualTo(expected);
                Optional<ConversationEntry> row = conversations.page(app, owner, 1, 50).stream()
                        .filter(c -> c.convId().equals(peer)).findFirst();
                if (expected.isEmpty()) {
                    assertThat(row).as(owner + "'s list shows nothing visible with " + peer).isEmpty();
                } else {
                    assertThat(row).as(owner + "'s list has " + peer).isPresent();
                    assertThat(row.get().latest().msgId()).as(owner + "'s latest with " + peer).isEqualTo(expected.get(0));
                }
            }
        }
    }

    private static int repeat(long until, Runnable step) {
        int n = 0;
        while (System.currentTimeMillis() < until) {
            step.run();
            n++;
        }
        return n;
    }

    private void send(App app) {
        var rnd = ThreadLocalRandom.current();
        String from = USERS.get(rnd.nextInt(USERS.size()));
        String to = USERS.get((USERS.indexOf(from) + 1 + rnd.nextInt(USERS.size() - 1)) % USERS.size());
        sent.add(new Sent(chats.text(app, from, to, "m"), from, to));
    }

    private void delete(App app) {
        var rnd = ThreadLocalRandom.current();
        String owner = USERS.get(rnd.nextInt(USERS.size()));
        String peer = USERS.get((USERS.indexOf(owner) + 1 + rnd.nextInt(USERS.size() - 1)) % USERS.size());
        ConversationRef ref = ConversationRef.of(owner, ChatType.CHAT, peer);
        if (rnd.nextInt(5) == 0) {
            long cut = System.currentTimeMillis() - rnd.nextInt(200);
            deletions.deleteBefore(app, ref, cut);
            hiddenFor(owner, peer).raise(Snowflake.lastIdAt(cut));
            return;
        }
        List<Long> candidates = sent.stream()
                .filter(s -> s.from().equals(owner) && s.to().equals(peer) || s.from().equals(peer) && s.to().equals(owner))
                .map(Sent::id).toList();
        if (candidates.isEmpty()) {
            return;
        }
        List<Long> pick = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
            pick.add(candidates.get(rnd.nextInt(candidates.size())));
        }
        deletions.deleteByIds(app, ref, pick);
        hiddenFor(owner, peer).ids.addAll(pick);
    }

    private void read(App app) {
        var rnd = ThreadLocalRandom.current();
        String owner = USERS.get(rnd.nextInt(USERS.size()));
        String peer = USERS.get((USERS.indexOf(owner) + 1 + rnd.nextInt(USERS.size() - 1)) % USERS.size());
        Hidden h = hiddenFor(owner, peer);
        Set<Long> hiddenBefore = new HashSet<>(h.ids);
        long watermarkBefore = h.watermark;
        for (long id : visible(app, owner, peer)) {
            if (hiddenBefore.contains(id) || id <= watermarkBefore) {
                violations.add(owner + " saw " + id + " with " + peer + " after it was hidden");
            }
        }
    }
}
