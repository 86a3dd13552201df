package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.Chats;
import io.roamdesk.support.HistoryWalk;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Paging while other requests write: no message lost, none repeated, order kept. */
@IntegrationTest
class ConcurrentPagingTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;

    private List<Long> seed(App app, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(chats.text(app, i % 3 == 0 ? "bob" : "alice", i % 3 == 0 ? "alice" : "bob", "m" + i));
        }
        return ids;
    }

    private List<Long> walk(App app, String owner, String peer, Direction direction, int pageSize) {
        return HistoryWalk.ids(history, app, new HistoryRequest(owner, ChatType.CHAT, peer, null, null, direction,
                pageSize, HistoryFilter.none()));
    }

    @Test
    void sendingWhilePagingUpLosesAndRepeatsNothing() throws Exception {
        App app = testApps.createRoaming();
        List<Long> before = seed(app, 300);
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> arrived = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                arrived.add(chats.text(app, "bob", "alice", "live"));
            }
        });
        List<Long> walked = walk(app, "alice", "bob", Direction.UP, 7);
        stop.set(true);
        sender.get();
        assertThat(arrived).isNotEmpty();
        assertThat(walked).doesNotHaveDuplicates().isSortedAccordingTo(Collections.reverseOrder());
        long top = walked.get(0);
        List<Long> expected = new ArrayList<>(before);
        arrived.stream().filter(id -> id <= top).forEach(expected::add);
        expected.sort(Collections.reverseOrder());
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void sendingWhilePagingDownReachesTheNewMessagesInOrder() throws Exception {
        App app = testApps.createRoaming();
        List<Long> before = seed(app, 200);
        List<Long> arrived = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 60; i++) {
                arrived.add(chats.text(app, "bob", "alice", "live " + i));
            }
        });
        List<Long> walked = new ArrayList<>(walk(app, "alice", "bob", Direction.DOWN, 9));
        sender.get();
        // the walk ended at some point during the arrivals; a new walk from its last id picks up the rest
        walked.addAll(HistoryWalk.ids(history, app, new HistoryRequest("alice", ChatType.CHAT, "bob", null,
                walked.get(walked.size() - 1), Direction.DOWN, 50, HistoryFilter.none())));
        List<Long> expected = new ArrayList<>(before);
        expected.addAll(arrived);
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void deletingWhilePagingNeverDropsAMessageThatWasNotDeleted() throws Exception {
        App app = testApps.createRoaming();
        List<Long> all = seed(app, 400);
        List<Long> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        List<Long> toDelete = shuffled.subList(0, 120);
        ConversationRef alice = ConversationRef.of("alice", ChatType.CHAT, "bob");
        CompletableFuture<Void> deleter = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < toDelete.size(); i += 20) {
                deletions.deleteByIds(app, alice, toDelete.subList(i, i + 20));
            }
        });
        List<Long> walked = walk(app, "alice", "bob", Direction.UP, 10);
        List<Long> peerWalk = walk(app, "bob", "alice", Direction.UP, 10);
        deleter.get();
        Set<Long> kept = new HashSet<>(all);
        toDelete.forEach(kept::remove);
        assertThat(walked).doesNotHaveDuplicates().isSortedAccordingTo(Collections.reverseOrder());
        assertThat(walked).containsAll(kept);
        assertThat(all).containsAll(walked);
        assertThat(peerWalk).hasSize(400);
        assertThat(walk(app, "alice", "bob", Direction.UP, 50)).containsExactlyInAnyOrderElementsOf(kept);
    }
}
