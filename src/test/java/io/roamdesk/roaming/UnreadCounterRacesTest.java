package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The maintained counter under concurrency: sends race reads (each read stores a count taken under
 * the row's lock), one-way deletes and recalls of the same conversations. Afterwards every stored
 * counter that is known equals the bounded count of the messages, and after one more wave of sends
 * racing reads only, every counter is known and exact (no increment lost to a read's count).
 */
@IntegrationTest
class UnreadCounterRacesTest {

    private static final String OWNER = "ann";
    private static final List<String> PEERS = List.of("ben", "cat");
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

    private record Sent(long id, String from, String peer) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Test
    void sendsRacingReadsDeletesAndRecallsLeaveEveryKnownCounterExact() throws Exception {
        App app = testApps.createRoaming();
        PEERS.forEach(p -> sent.add(new Sent(chats.text(app, p, OWNER, "first"), p, p)));
        race(List.of(() -> send(app), () -> send(app), () -> read(app), () -> delete(app), () -> recall(app)));
        for (String peer : PEERS) {
            assertKnownCountersExact(app, peer, false);
        }
        race(List.of(() -> send(app), () -> send(app), () -> read(app), () -> read(app)));
        for (String peer : PEERS) {
            assertKnownCountersExact(app, peer, true);
        }
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
        for (ConversationRef ref : List.of(ConversationRef.of(OWNER, ChatType.CHAT, peer), ConversationRef.of(peer, ChatType.CHAT, OWNER))) {
            ConversationRecord row = prefs.one(app.appId(), ref).orElseThrow();
            int counted = unread.unread(app.appId(), ref.owner(), List.of(UnreadRepository.Probe.of(row)),
                    ServerConversations.UNREAD_CAP).get(0);
            if (mustBeKnown && ref.owner().equals(OWNER)) { // the reads were ann's
                assertThat(row.getUnreadNum()).as("ann's counter with " + peer + " after sends and reads").isNotNull();
            }
            if (row.getUnreadNum() != null) {
                assertThat(row.getUnreadNum()).as("the stored counter of " + ref).isEqualTo(counted);
            }
        }
    }

    private String anyPeer() {
        return PEERS.get(ThreadLocalRandom.current().nextInt(PEERS.size()));
    }

    private Sent any(String peer) {
        List<Sent> mine = sent.stream().filter(s -> s.peer().equals(peer)).toList();
        return mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
    }

    private void send(App app) {
        String peer = anyPeer();
        if (ThreadLocalRandom.current().nextInt(6) == 0) {
            sent.add(new Sent(chats.text(app, OWNER, peer, "answer"), OWNER, peer));
        } else {
            sent.add(new Sent(chats.text(app, peer, OWNER, "m"), peer, peer));
        }
    }

    private void read(App app) {
        String peer = anyPeer();
        // up to a random message, or (one in three) to the newest one
        Long upTo = ThreadLocalRandom.current().nextInt(3) == 0 ? null : any(peer).id();
        server.read(app, ConversationRef.of(OWNER, ChatType.CHAT, peer), upTo);
    }

    private void delete(App app) {
        String peer = anyPeer();
        deletions.deleteByIds(app, ConversationRef.of(OWNER, ChatType.CHAT, peer), List.of(any(peer).id()));
    }

    private void recall(App app) {
        String peer = anyPeer();
        List<Sent> theirs = sent.stream().filter(s -> s.peer().equals(peer) && s.from().equals(peer)).toList();
        Sent s = theirs.get(theirs.size() - 1 - ThreadLocalRandom.current().nextInt(Math.min(3, theirs.size())));
        audited.recall(Actor.apiClient("test-client"), app,
                List.of(new RecallService.RecallRequest(s.id(), OWNER, ChatType.CHAT, peer, true)), null, null);
    }
}
