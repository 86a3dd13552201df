package io.roamdesk.roaming;

import io.roamdesk.app.App;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for single-chat sends. Per app, one send at a time leads: it writes the sends
 * queued behind it (its own among them) in one transaction, so under load a transaction (six
 * statements with its own) carries many messages instead of one. When its own messages are
 * written it hands the lead to the oldest waiting send and returns; unloaded, a send simply
 * writes itself, on its own thread. A caller returns only after its own messages are committed.
 * When a shared transaction fails on data one send may have brought, its sends are written again
 * one by one, so that send's failure is never another's; any other failure fails them all at once.
 */
final class GroupCommit {

    /** Writes messages of one app in one transaction; answers their ids in order. */
    interface Writer {
        List<Long> write(App app, List<Outgoing> messages);
    }

    private record Pending(List<Outgoing> messages, CompletableFuture<List<Long>> done, CompletableFuture<Void> lead) {
    }

    private static final class Lane {
        final AtomicBoolean led = new AtomicBoolean();
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Writer writer;
    private final int maxMessages;
    private final Predicate<RuntimeException> oneSendsFault;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * {@code oneSendsFault} tells a failure that one send's data may have caused (its sends are then
     * written one by one) from one that would fail them all alike, such as a lost database (then
     * every send of the batch gets it at once, instead of waiting for its own turn to fail).
     */
    GroupCommit(Writer writer, int maxMessages, Predicate<RuntimeException> oneSendsFault) {
        this.writer = writer;
        this.maxMessages = maxMessages;
        this.oneSendsFault = oneSendsFault;
    }

    /** Answers the messages' ids in order once they are committed; throws what refused them. */
    List<Long> submit(App app, List<Outgoing> messages) {
        Lane lane = lanes.computeIfAbsent(app.appId(), id -> new Lane());
        Pending mine = new Pending(messages, new CompletableFuture<>(), new CompletableFuture<>());
        lane.queue.add(mine);
        if (lane.led.compareAndSet(false, true)) {
            lead(app, lane, mine);
        } else {
            CompletableFuture.anyOf(mine.done(), mine.lead()).exceptionally(e -> null).join();
            if (!mine.done().isDone()) {
                lead(app, lane, mine);
            }
        }
        try {
            return mine.done().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Writes batches until ours is written, then passes the lead on (or gives it up). */
    private void lead(App app, Lane lane, Pending mine) {
        try {
            while (!mine.done().isDone()) {
                commit(app, nextBatch(lane.queue));
            }
        } finally { // whatever happened here, the sends queued behind us get a leader
            handOff(lane);
        }
    }

    private static void handOff(Lane lane) {
        while (true) { // we hold the lead here, so nobody else takes from the queue
            Pending next = lane.queue.peek();
            if (next != null) {
                next.lead().complete(null);
                return;
            }
            lane.led.set(false);
            // a send queued just before we let go may have found the lane still led: take it back
            if (lane.queue.isEmpty() || !lane.led.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private List<Pending> nextBatch(Queue<Pending> queue) {
        Pending first = queue.remove();
        List<Pending> batch = new ArrayList<>(List.of(first));
        int size = first.messages().size();
        for (Pending next = queue.peek(); next != null && size + next.messages().size() <= maxMessages;
                next = queue.peek()) {
            batch.add(queue.remove());
            size += next.messages().size();
        }
        return batch;
    }

    /** Completes every send of the batch, with its ids or with what refused it. */
    private void commit(App app, List<Pending> batch) {
        try {
            List<Outgoing> all = new ArrayList<>();
            batch.forEach(p -> all.addAll(p.messages()));
            List<Long> ids = writer.write(app, all);
            int from = 0;
            for (Pending p : batch) {
                p.done().complete(List.copyOf(ids.subList(from, from + p.messages().size())));
                from += p.messages().size();
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1 || !oneSendsFault.test(e)) {
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            }
            log.warn("a transaction shared by {} sends failed; writing them one by one: {}", batch.size(), e.toString());
            batch.forEach(p -> commit(app, List.of(p)));
        } catch (Error e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            throw e;
        } finally { // never leave a caller waiting, even if the failure handling itself failed
            for (Pending p : batch) {
                if (!p.done().isDone()) {
                    p.done().completeExceptionally(new IllegalStateException("the send was not written"));
                }
            }
        }
    }
}
