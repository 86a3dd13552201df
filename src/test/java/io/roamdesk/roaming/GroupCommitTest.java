package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coordination of {@link GroupCommit}, with a writer that stands in for the transaction so
 * that timing and failures can be chosen (the database side is covered by {@code BatchIngestTest}).
 */
class GroupCommitTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final AtomicLong nextId = new AtomicLong();
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static App app(long id) {
        return new App(id, new AppKey("org", "app" + id), null, 1);
    }

    private static Outgoing message(String from) {
        return new Outgoing(from, "bob", ChatType.CHAT, BodyType.TXT, "{\"type\":\"txt\",\"msg\":\"hi\"}", null, Origin.SDK);
    }

    /** Numbers the messages like the real writer, after a pause long enough for others to queue up. */
    private List<Long> slowWriter(List<Outgoing> messages, long pauseMillis) {
        batchSizes.add(messages.size());
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(nextId.incrementAndGet()));
        return ids;
    }

    @Test
    void everySendGetsItsOwnIdsAndConcurrentSendsShareWrites() throws Exception {
        GroupCommit commits = new GroupCommit((app, messages) -> slowWriter(messages, 2), 500, e -> true);
        List<Future<List<Long>>> sent = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            int n = 1 + i % 3;
            sent.add(pool.submit(() -> commits.submit(app(1), Collections.nCopies(n, message("alice")))));
        }
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            List<Long> ids = sent.get(i).get(10, TimeUnit.SECONDS);
            assertThat(ids).hasSize(1 + i % 3);
            all.addAll(ids);
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertThat(batchSizes.size()).as("transactions for 800 concurrent sends").isLessThan(400);
    }

    @Test
    void aSendAloneIsWrittenAtOnceOnTheCallersThread() {
        List<String> writers = new ArrayList<>();
        GroupCommit commits = new GroupCommit((app, messages) -> {
            writers.add(Thread.currentThread().getName());
            return slowWriter(messages, 0);
        }, 500, e -> true);
        assertThat(commits.submit(app(1), List.of(message("alice")))).containsExactly(1L);
        assertThat(commits.submit(app(1), List.of(message("alice")))).containsExactly(2L);
        assertThat(writers).containsOnly(Thread.currentThread().getName());
        assertThat(batchSizes).containsExactly(1, 1);
    }

    @Test
    void whenASharedWriteFailsOnlyTheSendThatCausedItFails() throws Exception {
        HeldFirstWrite held = new HeldFirstWrite();
        GroupCommit commits = new GroupCommit(held.then((app, messages) -> {
            if (messages.stream().anyMatch(m -> m.from().equals("mallory"))) {
                throw new IllegalStateException("refused by the database");
            }
            return slowWriter(messages, 0);
        }), 500, e -> true);
        List<Future<List<Long>>> queued = held.queueBehindTheFirst(commits, "bob", "mallory", "carol");
        assertThat(queued.get(0).get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThat(queued.get(2).get(5, TimeUnit.SECONDS)).hasSize(1);
        assertThatThrownBy(() -> queued.get(1).get(5, TimeUnit.SECONDS)).hasRootCauseMessage("refused by the database");
        assertThat(held.attempts).as("the three shared a write that failed, then were written one by one")
                .containsExactly(1, 3, 1, 1, 1);
    }

    @Test
    void appsAreWrittenSeparately() throws Exception {
        var appsPerWrite = new ConcurrentHashMap<Long, AtomicInteger>();
        GroupCommit commits = new GroupCommit((app, messages) -> {
            appsPerWrite.computeIfAbsent(app.appId(), k -> new AtomicInteger()).addAndGet(messages.size());
            return slowWriter(messages, 1);
        }, 500, e -> true);
        List<Future<List<Long>>> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long appId = i % 3;
            sent.add(pool.submit(() -> commits.submit(app(appId), List.of(message("alice")))));
        }
        for (var f : sent) {
            assertThat(f.get(10, TimeUnit.SECONDS)).hasSize(1);
        }
        assertThat(appsPerWrite).hasSize(3).allSatisfy((app, count) -> assertThat(count.get()).isEqualTo(100));
    }

    @Test
    void aFailureThatIsNoOnesFaultFailsTheWholeBatchAtOnce() throws Exception {
        HeldFirstWrite held = new HeldFirstWrite();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        GroupCommit commits = new GroupCommit(held.then((app, messages) -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the database is gone");
            }
            return slowWriter(messages, 0);
        }), 500, e -> false);
        for (var f : held.queueBehindTheFirst(commits, "bob", "carol", "dave")) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("the database is gone");
        }
        assertThat(held.attempts).as("one shared attempt, no retries one by one").containsExactly(1, 3);
    }

    @Test
    void anErrorInASharedWriteFailsItsSendsAndTheLaneGoesOn() throws Exception {
        HeldFirstWrite held = new HeldFirstWrite();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        GroupCommit commits = new GroupCommit(held.then((app, messages) -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new StackOverflowError("the database is gone");
            }
            return slowWriter(messages, 0);
        }), 500, e -> false);
        for (var f : held.queueBehindTheFirst(commits, "bob", "carol", "dave")) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("the database is gone");
        }
        assertThat(held.attempts).as("one shared attempt, no retries one by one").containsExactly(1, 3);
        assertThat(commits.submit(app(1), List.of(message("erin")))).hasSize(1);
    }

    /**
     * Holds the first write (alice's) until other sends have queued behind it, so that those share
     * the next write; counts the size of every write attempted.
     */
    private final class HeldFirstWrite {
        final List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch firstWriting = new CountDownLatch(1);
        private final CountDownLatch othersQueued = new CountDownLatch(1);

        GroupCommit.Writer then(GroupCommit.Writer writer) {
            return (app, messages) -> {
                attempts.add(messages.size());
                if (firstWriting.getCount() > 0) {
                    firstWriting.countDown();
                    await(othersQueued);
                    return slowWriter(messages, 0);
                }
                return writer.write(app, messages);
            };
        }

        /** Sends alice's message, queues one send per sender behind it, and answers their futures. */
        List<Future<List<Long>>> queueBehindTheFirst(GroupCommit commits, String... senders) throws Exception {
            Future<List<Long>> first = pool.submit(() -> commits.submit(app(1), List.of(message("alice"))));
            firstWriting.await();
            List<Future<List<Long>>> queued = new ArrayList<>();
            for (String from : senders) {
                FutureTask<List<Long>> send = new FutureTask<>(() -> commits.submit(app(1), List.of(message(from))));
                Thread sender = new Thread(send, "send-" + from);
                sender.setDaemon(true);
                sender.start();
                // a send that found the lane led has queued itself and parks until its write or its lead:
                // nothing else in submit() waits, so WAITING means "queued" (one at a time keeps their order)
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sender.getState() == Thread.State.WAITING);
                queued.add(send);
            }
            othersQueued.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).hasSize(1);
            return queued;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
