package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.ShardLayout;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The maintained counter under concurrency: sends race reads (each read stores a count taken under
 * the row's lock), one-way deletes and recalls of the same conversations. Afterwards every stored
 * counter that is known equals the bounded count of the messages, and after one more wave of sends
 * racing reads only, every counter is known and exact (no increment lost to a read's count).
 */
@IntegrationTest
class UnreadCounterRacesTest {

    private String owner = "ann";
    private List<String> peers = List.of("ben", "cat");
    private static final int ROUNDS = 30;

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    DeletionService deletions;
    @Autowired
    ServerConversations server;
    @Autowired
    AuditedActions audited;
    @Autowired
    ConversationPrefsRepository prefs;
    @Autowired
    UnreadRepository unread;
    @Autowired
    ObjectProvider<ShardLayout> shards;

    private record Sent(long id, String from, String peer) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Test
    void sendsRacingReadsDeletesAndRecallsLeaveEveryKnownCounterExact() throws Exception {
        App app = testApps.createRoaming();
        inverseShardOrder(app);
        peers.forEach(p -> sent.add(new Sent(chats.text(app, p, owner, "first"), p, p)));
        race(List.of(() -> send(app), () -> send(app), () -> read(app), () -> delete(app), () -> recall(app)));
        for (String peer : peers) {
            assertKnownCountersExact(app, peer, false);
        }
        race(List.of(() -> send(app), () -> send(app), () -> read(app), () -> read(app)));
        for (String peer : peers) {
            assertKnownCountersExact(app, peer, true);
        }
    }

    /**
     * On several shards: the owner on the last shard and the peers, whose names sort after the owner's,
     * on the first, so that key order and shard order disagree (a writer locking in key order across
     * shards would wait on one locking shard by shard, and no database sees the cycle).
     */
    private void inverseShardOrder(App app) {
        ShardLayout layout = shards.getIfAvailable(() -> ShardLayout.SINGLE);
        if (layout.shards() < 2) {
            return;
        }
        owner = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "ann" + i)
                .filter(u -> layout.shardOf(app.appId(), u) == layout.shards() - 1).findFirst().orElseThrow();
        peers = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "ben" + i)
                .filter(u -> layout.shardOf(app.appId(), u) == 0).limit(2).toList();
    }

    private static void race(List<Runnable> steps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(steps.size());
        List<Future<?>> workers = new ArrayList<>();
        for (Runnable step : steps) {
            workers.add(pool.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    step.run();
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
    }

    private void assertKnownCountersExact(App app, String peer, boolean mustBeKnown) {
        for (ConversationRef ref : List.of(ConversationRef.of(owner, ChatType.CHAT, peer), ConversationRef.of(peer, ChatType.CHAT, owner))) {
            ConversationRecord row = prefs.one(app.appId(), ref).orElseThrow();
            int counted = unread.unread(app.appId(), ref.owner(), List.of(UnreadRepository.Probe.of(row)),
                    ServerConversations.UNREAD_CAP).get(0);
            if (mustBeKnown && ref.owner().equals(owner)) { // the reads were ann's
                assertThat(row.getUnreadNum()).as("ann's counter with " + peer + " after sends and reads").isNotNull();
            }
            if (row.getUnreadNum() != null) {
                assertThat(row.getUnreadNum()).as("the stored counter of " + ref).isEqualTo(counted);
            }
        }
    }

    private String anyPeer() {
        return peers.get(ThreadLocalRandom.current().nextInt(peers.size()));
    }

    private Sent any(String peer) {
        List<Sent> mine = sent.stream().filter(s -> s.peer().equals(peer)).toList();
        return mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
    }

    private void send(App app) {
        String peer = anyPeer();
        if (ThreadLocalRandom.current().nextInt(6) == 0) {
            sent.add(new Sent(chats.text(app, owner, peer, "answer"), owner, peer));
        } else {
            sent.add(new Sent(chats.text(app, peer, owner, "m"), peer, peer));
        }
    }

    private void read(App app) {
        String peer = anyPeer();
        // up to a random message, or (one in three) to the newest one
        Long upTo = ThreadLocalRandom.current().nextInt(3) == 0 ? null : any(peer).id();
        server.read(app, ConversationRef.of(owner, ChatType.CHAT, peer), upTo);
    }

    private void delete(App app) {
        String peer = anyPeer();
        deletions.deleteByIds(app, ConversationRef.of(owner, ChatType.CHAT, peer), List.of(any(peer).id()));
    }

    private void recall(App app) {
        String peer = anyPeer();
        List<Sent> theirs = sent.stream().filter(s -> s.peer().equals(peer) && s.from().equals(peer)).toList();
        Sent s = theirs.get(theirs.size() - 1 - ThreadLocalRandom.current().nextInt(Math.min(3, theirs.size())));
        audited.recall(Actor.apiClient("test-client"), app,
                List.of(new RecallService.RecallRequest(s.id(), owner, ChatType.CHAT, peer, true)), null, null);
    }
}
