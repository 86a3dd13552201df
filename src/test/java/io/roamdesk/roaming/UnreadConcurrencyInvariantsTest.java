package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Unread counts under concurrency (the concurrency invariants, extended): two peers send to ann
 * while ann answers, deletes some of their messages one-way, reads up to random messages and lists
 * her conversations, all at once. At every list meanwhile no count exceeds what was sent to her;
 * afterwards each count is exactly the messages of the peer after her read point (her read pointer
 * or her own newest message, whichever is later) that she did not delete.
 */
@IntegrationTest
class UnreadConcurrencyInvariantsTest {

    private static final String OWNER = "ann";
    private static final List<String> PEERS = List.of("ben", "cat");
    private static final int ROUNDS = 40;

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    DeletionService deletions;
    @Autowired
    ServerConversations server;

    private record Sent(long id, String from, String peer) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<Long> hidden = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> readUpTo = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attemptedToOwner = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Test
    void sendsDeletesReadsAndListsInParallelKeepEveryUnreadCountExact() throws Exception {
        App app = testApps.createRoaming();
        PEERS.forEach(p -> {
            readUpTo.put(p, new AtomicLong());
            attemptedToOwner.put(p, new AtomicInteger());
            // a first message each, so every worker has a conversation to act on
            attemptedToOwner.get(p).incrementAndGet();
            sent.add(new Sent(chats.text(app, p, OWNER, "first"), p, p));
        });
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(pool.submit(() -> repeat(() -> send(app))));
        }
        workers.add(pool.submit(() -> repeat(() -> delete(app))));
        workers.add(pool.submit(() -> repeat(() -> read(app))));
        workers.add(pool.submit(() -> repeat(() -> list(app))));
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        assertThat(violations).as("seen while running").isEmpty();

        List<ConversationListItem> entries = server.list(app, OWNER, null, 50, false, null).entries();
        for (String peer : PEERS) {
            long ownLatest = sent.stream().filter(s -> s.peer().equals(peer) && s.from().equals(OWNER))
                    .mapToLong(Sent::id).max().orElse(0L);
            long from = Math.max(ownLatest, readUpTo.get(peer).get());
            long expected = sent.stream().filter(s -> s.peer().equals(peer) && s.from().equals(peer))
                    .filter(s -> s.id() > from && !hidden.contains(s.id())).count();
            ConversationListItem e = entries.stream().filter(x -> x.conversation().convId().equals(peer)).findFirst().orElseThrow();
            assertThat(e.unread()).as("ann's unread with " + peer).isEqualTo((int) Math.min(expected, ServerConversations.UNREAD_CAP));
            assertThat(e.readUpTo()).as("ann's read pointer with " + peer).isEqualTo(readUpTo.get(peer).get());
        }
    }

    private static void repeat(Runnable step) {
        for (int i = 0; i < ROUNDS; i++) {
            step.run();
        }
    }

    private String anyPeer() {
        return PEERS.get(ThreadLocalRandom.current().nextInt(PEERS.size()));
    }

    private List<Long> acknowledged(String peer) {
        return sent.stream().filter(s -> s.peer().equals(peer)).map(Sent::id).toList();
    }

    private void send(App app) {
        String peer = anyPeer();
        if (ThreadLocalRandom.current().nextInt(6) == 0) {
            sent.add(new Sent(chats.text(app, OWNER, peer, "answer"), OWNER, peer));
        } else {
            attemptedToOwner.get(peer).incrementAndGet();
            sent.add(new Sent(chats.text(app, peer, OWNER, "m"), peer, peer));
        }
    }

    private void delete(App app) {
        String peer = anyPeer();
        List<Long> ids = acknowledged(peer);
        long pick = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        deletions.deleteByIds(app, ConversationRef.of(OWNER, ChatType.CHAT, peer), List.of(pick));
        hidden.add(pick);
    }

    private void read(App app) {
        String peer = anyPeer();
        List<Long> ids = acknowledged(peer);
        long upTo = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        server.read(app, ConversationRef.of(OWNER, ChatType.CHAT, peer), upTo);
        readUpTo.get(peer).accumulateAndGet(upTo, Math::max);
    }

    private void list(App app) {
        for (ConversationListItem e : server.list(app, OWNER, null, 50, false, null).entries()) {
            String peer = e.conversation().convId();
            int bound = attemptedToOwner.get(peer).get();
            if (e.unread() < 0 || e.unread() > bound || e.unread() > ServerConversations.UNREAD_CAP) {
                violations.add("ann's unread with " + peer + " is " + e.unread() + " with at most " + bound + " sent to her");
            }
        }
    }
}
