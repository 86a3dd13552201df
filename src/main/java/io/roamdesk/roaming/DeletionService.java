package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.ShardLayout;
import io.roamdesk.core.Snowflake;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deletions of the seed: one-way (only the owner stops seeing messages) by ids or by time,
 * clear-all of one user, and deleting a conversation with or without its server messages (with:
 * gone for every participant). All are idempotent; none touches another user's view unless it is
 * the delete-for-all.
 */
@Service
public class DeletionService {

    public static final String TOO_MANY_IDS = "delete msg list limit can not greater than 50";
    static final int DELETE_BATCH = 5_000;
    static final int CLEAR_ALL_PREVIEW_LIMIT = 2_000;

    private final MessageRepository messageRows;
    private final HiddenMarkRepository hiddenMarks;
    private final ConversationIndexRepository conversationIndex;
    private final ConversationUpdateRepository conversationUpdates;
    private final GroupRepository groupRows;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final RoamingMetrics metrics;
    private final ListForecast forecast;
    private final UndoService undo;
    private final LatestVisible latestVisible;
    private final BigGroups bigGroups;
    private final ShardLayout shards;
    private final UnreadCounterRepository counters;

    DeletionService(MessageRepository messageRows, HiddenMarkRepository hiddenMarks,
            ConversationIndexRepository conversationIndex, ConversationUpdateRepository conversationUpdates,
            GroupRepository groupRows, Clock clock, PlatformTransactionManager transactions,
            RoamingMetrics metrics, ListForecast forecast, UndoService undo, LatestVisible latestVisible, BigGroups bigGroups,
            UnreadCounterRepository counters, ObjectProvider<ShardLayout> shards) {
        this.counters = counters;
        this.bigGroups = bigGroups;
        this.shards = shards.getIfAvailable(() -> ShardLayout.SINGLE);
        this.undo = undo;
        this.latestVisible = latestVisible;
        this.metrics = metrics;
        this.forecast = forecast;
        this.messageRows = messageRows;
        this.hiddenMarks = hiddenMarks;
        this.conversationIndex = conversationIndex;
        this.conversationUpdates = conversationUpdates;
        this.groupRows = groupRows;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * What a deletion would do, before it is done: how many messages disappear for whom, and which
     * conversations would leave their owners' lists (and why), by the same rule the list applies.
     */
    public record Preview(int messages, List<String> affectedUsers, boolean forAllParticipants, List<ListChange> leaves) {
    }

    /** What clearing all of a user's roaming data would remove from that user's view and list. */
    public record ClearAllPreview(int conversations, int messages, List<ListChange> leaves) {
    }

    // ---- one-way by ids

    @Transactional(readOnly = true)
    public Preview previewByIds(App app, ConversationRef ref, List<Long> ids) {
        Switches.requireOneWayDelete(app);
        Asked asked = checkIds(app, ref, ids);
        Set<Long> valid = asked.ids();
        int visible = 0;
        long cleared = conversationIndex.visibility(app.appId(), ref).clearedBefore();
        for (Long id : valid) {
            if (id > cleared && !asked.hidden().contains(id)) {
                visible++;
            }
        }
        return new Preview(visible, List.of(ref.owner()), false, forecast.hidingIds(app, ref, valid));
    }

    /** Hides the messages for the owner only; answers how many were newly hidden. */
    @Transactional
    public int deleteByIds(App app, ConversationRef ref, List<Long> ids) {
        return deleteByIds(app, ref, ids, Deleter.UNNAMED).count();
    }

    /** Hides the messages for the owner only, logged for an undo; answers the log entry and how many were newly hidden. */
    @Transactional
    public OneWayDeletion deleteByIds(App app, ConversationRef ref, List<Long> ids, Deleter by) {
        Switches.requireOneWayDelete(app);
        // the lock comes first: the transaction's snapshot is then taken after every arrival or
        // deletion that touched this row has committed, so the recount below misses none of them; a big
        // group's row first gets the group's newest message, as write fan-out would have given it
        bigGroups.settle(app, ref);
        var row = conversationIndex.lockConversation(app.appId(), ref);
        Asked asked = checkIds(app, ref, ids);
        Set<Long> valid = asked.ids();
        int added = hiddenMarks.hide(app.appId(), ref.convKey(), ref.owner(), valid, clock.millis());
        counters.forget(app.appId(), List.of(ref));
        metrics.deleted(RoamingMetrics.DeletionKind.ONE_WAY_IDS);
        var done = new OneWayDeletion(undo.recordByIds(app, ref, valid, asked.hidden(), by), added);
        if (row.isEmpty()) {
            return done;
        }
        Long latest = row.get().getLatestVisibleMsgId();
        if (!ref.latestBoundsVisibility() || latest == null) {
            recomputeLatest(app, ref, row.get().getClearedBeforeMsgId(), Long.MAX_VALUE);
        } else if (valid.contains(latest)) {
            // nothing newer than the latest visible message is visible: look below it only, so hiding
            // the newest messages fifty at a time never walks back over the ones hidden before
            recomputeLatest(app, ref, row.get().getClearedBeforeMsgId(), latest);
        }
        return done;
    }

    /** A delete's ids, each a message of its conversation, and those of them the owner has hidden already. */
    private record Asked(Set<Long> ids, Set<Long> hidden) {
    }

    private Asked checkIds(App app, ConversationRef ref, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw RoamdeskException.badRequest("field msgIdList cannot be null or empty");
        }
        if (ids.size() > Limits.MAX_DELETE_IDS) {
            throw RoamdeskException.badRequest(TOO_MANY_IDS);
        }
        Set<Long> unique = new TreeSet<>(ids);
        Map<Long, Boolean> found = messageRows.idsInConversation(app.appId(), ref.convKey(), ref.owner(), unique);
        Set<Long> hidden = new TreeSet<>();
        for (Long id : unique) {
            Boolean isHidden = found.get(id);
            if (isHidden == null) {
                throw RoamdeskException.badRequest("message " + id + " does not belong to this conversation");
            }
            if (isHidden) {
                hidden.add(id);
            }
        }
        return new Asked(unique, hidden);
    }

    // ---- one-way by time

    @Transactional(readOnly = true)
    public Preview previewBefore(App app, ConversationRef ref, long time) {
        Switches.requireOneWayDelete(app);
        long cut = checkTime(time);
        if (cut < Snowflake.EPOCH_MS) {
            return new Preview(0, List.of(ref.owner()), false, List.of());
        }
        long cleared = conversationIndex.visibility(app.appId(), ref).clearedBefore();
        long watermark = Snowflake.lastIdAt(cut);
        int n = messageRows.countVisible(app.appId(), ref.convKey(), ref.owner(), cleared, 0, watermark);
        return new Preview(n, List.of(ref.owner()), false, forecast.hidingUpTo(app, ref, watermark));
    }

    /** Hides, for the owner only, every message of the conversation at or before {@code time} (ms). */
    @Transactional
    public void deleteBefore(App app, ConversationRef ref, long time) {
        deleteBefore(app, ref, time, Deleter.UNNAMED);
    }

    /** The same, logged for an undo; answers the log entry (id 0 for a time before any message). */
    @Transactional
    public OneWayDeletion deleteBefore(App app, ConversationRef ref, long time, Deleter by) {
        Switches.requireOneWayDelete(app);
        long cut = checkTime(time);
        if (cut < Snowflake.EPOCH_MS) {
            return new OneWayDeletion(0, 0);
        }
        long watermark = Snowflake.lastIdAt(cut);
        metrics.deleted(RoamingMetrics.DeletionKind.ONE_WAY_TIME);
        // the upsert locks the row first (creating it when no message has arrived yet), so the
        // snapshot below is taken after every arrival or deletion that touched it has committed;
        // raising to 0 changes nothing but lets the log read the watermark this deletion finds
        bigGroups.settle(app, ref);
        conversationUpdates.raiseClearedBefore(app.appId(), ref, 0L);
        long previous = conversationIndex.lockConversation(app.appId(), ref).orElseThrow().getClearedBeforeMsgId();
        conversationUpdates.raiseClearedBefore(app.appId(), ref, watermark);
        long logged = undo.recordBefore(app, ref, time, watermark, previous, by);
        var row = conversationIndex.lockConversation(app.appId(), ref).orElseThrow();
        Long latest = row.getLatestVisibleMsgId();
        recomputeLatest(app, ref, row.getClearedBeforeMsgId(),
                !ref.latestBoundsVisibility() || latest == null ? Long.MAX_VALUE : latest + 1);
        return new OneWayDeletion(logged, 0);
    }

    /**
     * The cut-off a delete-by-time may use: never later than now, or it would hide messages that
     * arrive after the delete. A time a little ahead (a device clock running fast) means "now"; a
     * time further ahead is refused; a time before any message (before 2020) hides nothing.
     */
    private long checkTime(long time) {
        long now = clock.millis();
        if (time < 0) {
            throw RoamdeskException.badRequest("delTime must be a time in milliseconds since 1970");
        }
        if (time > now + Limits.DEL_TIME_CLOCK_SKEW_MS) {
            throw RoamdeskException.badRequest("delTime " + time + " is in the future (server time " + now + ")");
        }
        return Math.min(time, now);
    }

    // ---- clear all of one user

    @Transactional(readOnly = true)
    public ClearAllPreview previewClearAll(App app, String owner) {
        Switches.requireOneWayDelete(app);
        String o = Usernames.normalize(owner, "username");
        int conversations = 0;
        int messages = 0;
        for (ConversationRecord r : conversationIndex.conversationsOf(app.appId(), o, CLEAR_ALL_PREVIEW_LIMIT)) {
            int n = messageRows.countVisible(app.appId(), r.getConvKey(), o, r.getClearedBeforeMsgId(), 0, Long.MAX_VALUE);
            if (n > 0) {
                conversations++;
                messages += n;
            }
        }
        return new ClearAllPreview(conversations, messages, forecast.clearingAll(app, o));
    }

    @Transactional
    public int clearAll(App app, String owner) {
        return clearAll(app, owner, Deleter.UNNAMED).count();
    }

    /** Clears all, logged for an undo with each conversation's watermark before and after. */
    @Transactional
    public OneWayDeletion clearAll(App app, String owner, Deleter by) {
        Switches.requireOneWayDelete(app);
        String o = Usernames.normalize(owner, "username");
        bigGroups.settleOwner(app, o);
        long logged = undo.recordClearAll(app, o, undo.lockAllOf(app, o), by);
        int cleared = conversationUpdates.clearAll(app.appId(), o);
        metrics.deleted(RoamingMetrics.DeletionKind.CLEAR_ALL);
        return new OneWayDeletion(logged, cleared);
    }

    // ---- delete a conversation

    @Transactional(readOnly = true)
    public Preview previewConversation(App app, ConversationRef ref, boolean withMessages) {
        Switches.requireRoaming(app);
        if (!withMessages) {
            return new Preview(0, List.of(ref.owner()), false, forecast.removingFromList(app, ref));
        }
        long boundary = Snowflake.lastIdAt(clock.millis());
        return new Preview(messageRows.countNotDeletedForAll(app.appId(), ref.convKey(), boundary),
                participants(app, ref), true, forecast.deletingForAll(app, ref, participantRows(app, ref), boundary));
    }

    /**
     * Removes the conversation from the owner's list. With {@code withMessages} every message up to
     * now is deleted for all participants, in batches (each its own short transaction, so other
     * requests are never blocked for long); {@code progress} hears the running count. Not durable:
     * audited callers run a delete-for-all as a resumable job made of the steps below.
     */
    public int deleteConversation(App app, ConversationRef ref, boolean withMessages, LongConsumer progress) {
        Switches.requireRoaming(app);
        if (!withMessages) {
            tx.executeWithoutResult(s -> {
                bigGroups.settle(app, ref); // or the group's next message, already sent, would show it again
                conversationUpdates.setHidden(app.appId(), ref, true);
            });
            metrics.deleted(RoamingMetrics.DeletionKind.CONVERSATION);
            return 0;
        }
        long boundary = forAllBoundary(app);
        int deleted = 0;
        long after = -1;
        while (true) {
            long from = after;
            var batch = tx.execute(s -> deleteForAllBatch(app, ref, from, boundary, DELETE_BATCH));
            if (batch.isEmpty()) {
                break;
            }
            deleted += batch.get().deleted();
            after = batch.get().upTo();
            progress.accept(deleted);
        }
        tx.executeWithoutResult(s -> finishForAll(app, ref, boundary));
        return deleted;
    }

    /** One batch of a delete-for-all: the last message id it covered and how many it newly deleted. */
    public record ForAllBatch(long upTo, int deleted) {
    }

    /** Checks that a delete-for-all may start now; answers the newest message id it covers. */
    public long forAllBoundary(App app) {
        Switches.requireRoaming(app);
        return Snowflake.lastIdAt(clock.millis());
    }

    /**
     * In the caller's transaction: deletes for everyone the next (at most {@code batch}) messages of
     * the conversation after id {@code after} up to {@code boundary}; empty when none are left.
     * Repeating a batch changes nothing (already deleted messages are not counted again).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ForAllBatch> deleteForAllBatch(App app, ConversationRef ref, long after, long boundary, int batch) {
        var end = messageRows.nextBatchEnd(app.appId(), ref.convKey(), after, boundary, batch);
        Optional<ForAllBatch> done = end.map(upTo -> new ForAllBatch(upTo,
                messageRows.markDeletedForAll(app.appId(), ref.convKey(), after, upTo, clock.millis())));
        if (done.isPresent()) { // in each batch's transaction: a count stored between batches must not outlive the next
            counters.forget(app.appId(), participantRows(app, ref));
        }
        done.ifPresent(b -> metrics.deletedForAll(b.deleted()));
        return done;
    }

    /**
     * In the caller's transaction, once every batch is done: no participant's row shows a deleted
     * message as its latest, and the conversation leaves the owner's list.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finishForAll(App app, ConversationRef ref, long boundary) {
        if (ref.chatType() == ChatType.GROUPCHAT) {
            bigGroups.settleGroup(app, ref.convId());
        }
        conversationUpdates.forgetLatestUpTo(app.appId(), ref.chatType(), participantRows(app, ref), boundary);
        conversationUpdates.setHidden(app.appId(), ref, true);
        metrics.deleted(RoamingMetrics.DeletionKind.CONVERSATION_FOR_ALL);
    }

    /**
     * In the caller's transaction, after the retention purge removed every message of the
     * conversation {@code convKey} below {@code boundary}: each participant's row whose latest
     * visible message was one of them gets its newest visible message again, or none (it leaves the
     * list). Rows and their watermarks stay. Rows are locked shard by shard, in primary-key order
     * within each, as ingest does.
     * Answers how many rows changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int refreshAfterPurge(App app, String convKey, long boundary) {
        if (!convKey.startsWith("c:")) {
            bigGroups.settleGroup(app, convKey.substring(2));
        }
        List<ConversationRef> rows = rowsOf(app, convKey);
        counters.forget(app.appId(), rows); // the purged messages may have been unread
        int changed = 0;
        // shards in order, then key order: the lock order of a send's per-shard upserts
        for (List<ConversationRef> part : shards.byShard(app.appId(), rows, ConversationRef::owner)) {
            changed += refreshRows(app, part, boundary);
        }
        return changed;
    }

    private int refreshRows(App app, List<ConversationRef> rows, long boundary) {
        int changed = 0;
        for (ConversationRef row : rows) {
            var locked = conversationIndex.lockConversation(app.appId(), row);
            Long latest = locked.map(ConversationRecord::getLatestVisibleMsgId).orElse(null);
            if (latest != null && latest < boundary) {
                recomputeLatest(app, row, locked.get().getClearedBeforeMsgId(), Long.MAX_VALUE);
                changed++;
            }
        }
        return changed;
    }

    /** The rows of a conversation by its key: both users' in a single chat, the current members' in a group. */
    List<ConversationRef> rowsOf(App app, String convKey) {
        if (convKey.startsWith("c:")) {
            String[] users = convKey.substring(2).split(":", 2);
            return List.of(new ConversationRef(users[0], ChatType.CHAT, users[1]),
                    new ConversationRef(users[1], ChatType.CHAT, users[0]));
        }
        String group = convKey.substring(2);
        return groupRows.members(app.appId(), group).stream().sorted()
                .map(u -> new ConversationRef(u, ChatType.GROUPCHAT, group)).toList();
    }

    /** Each participant's own row of the conversation (in a single chat, the peer's row names the owner). */
    List<ConversationRef> participantRows(App app, ConversationRef ref) {
        return participants(app, ref).stream()
                .map(u -> ref.chatType() == ChatType.GROUPCHAT || u.equals(ref.owner()) ? new ConversationRef(u,
                        ref.chatType(), ref.convId()) : new ConversationRef(u, ChatType.CHAT, ref.owner()))
                .toList();
    }

    private List<String> participants(App app, ConversationRef ref) {
        LinkedHashSet<String> users = new LinkedHashSet<>(List.of(ref.owner()));
        if (ref.chatType() == ChatType.CHAT) {
            users.add(ref.convId());
        } else {
            users.addAll(groupRows.members(app.appId(), ref.convId()));
        }
        return new ArrayList<>(users);
    }

    /**
     * With the owner's row locked: its latest visible message after a deletion, given the watermark
     * {@code cleared} and that nothing at or above {@code below} is visible.
     */
    private void recomputeLatest(App app, ConversationRef ref, long cleared, long below) {
        latestVisible.recompute(app, ref, cleared, below);
    }
}
