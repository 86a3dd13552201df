package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.jooq.tables.records.DeletionLogRecord;
import io.roamdesk.jooq.tables.records.DeletionWatermarkRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deletion log and the undo of one-way deletions (see docs/roaming.md, "Undo"). A message is
 * hidden from its owner while any logged deletion that covers it is not undone (or a deletion
 * from before the log covers it): an undo takes back exactly its own part and nothing another
 * deletion still asks for. Messages deleted for everyone stay deleted.
 */
@Service
public class UndoService {

    public static final String UNDO_OFF = "undo of deletions is off for this app";

    private final DeletionLogRepository log;
    private final WatermarkLogRepository marks;
    private final IdGenerator ids;
    private final Clock clock;
    private final LatestVisible latest;
    private final UnreadCounterRepository counters;

    UndoService(DeletionLogRepository log, WatermarkLogRepository marks, IdGenerator ids, Clock clock, LatestVisible latest,
            UnreadCounterRepository counters) {
        this.counters = counters;
        this.log = log;
        this.marks = marks;
        this.ids = ids;
        this.clock = clock;
        this.latest = latest;
    }

    /** What an undo gave back. */
    public record Undone(DeletionEntry entry, int conversations) {
    }

    // ---- recording (in the deletion's own transaction)

    @Transactional(propagation = Propagation.MANDATORY)
    long recordByIds(App app, ConversationRef ref, Set<Long> asked, Set<Long> alreadyHidden, Deleter by) {
        long id = ids.nextId();
        Map<Long, Boolean> created = new LinkedHashMap<>();
        asked.forEach(m -> created.put(m, !alreadyHidden.contains(m)));
        log.insert(app.appId(), ref.owner(), id, DeletionEntry.Kind.IDS, ref, null,
                (int) created.values().stream().filter(b -> b).count(), by, clock.millis());
        log.insertAsked(app.appId(), ref.convKey(), ref.owner(), id, created);
        return id;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long recordBefore(App app, ConversationRef ref, long time, long watermark, long previous, Deleter by) {
        long id = ids.nextId();
        log.insert(app.appId(), ref.owner(), id, DeletionEntry.Kind.TIME, ref, time, 0, by, clock.millis());
        marks.insert(app.appId(), id, List.of(new WatermarkLogRepository.Mark(ref, watermark, previous)));
        return id;
    }

    /** A clear-all, given the owner's rows as they were (locked) before it. */
    @Transactional(propagation = Propagation.MANDATORY)
    long recordClearAll(App app, String owner, List<ConversationRecord> before, Deleter by) {
        long id = ids.nextId();
        List<WatermarkLogRepository.Mark> set = new ArrayList<>();
        for (ConversationRecord r : before) {
            if (r.getLastMsgId() > 0) {
                set.add(new WatermarkLogRepository.Mark(new ConversationRef(owner, JooqEnums.chatType(r.getChatType()),
                        r.getConvId()), r.getLastMsgId(), r.getClearedBeforeMsgId()));
            }
        }
        log.insert(app.appId(), owner, id, DeletionEntry.Kind.ALL, null, null, set.size(), by, clock.millis());
        marks.insert(app.appId(), id, set);
        return id;
    }

    /** Every conversation row of the owner, locked (what a clear-all is about to change). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ConversationRecord> lockAllOf(App app, String owner) {
        return marks.lockAllOf(app.appId(), owner);
    }

    // ---- reading

    /** The owner's deletions, newest first; {@code beforeId} pages on (Long.MAX_VALUE for the first page). */
    @Transactional(readOnly = true)
    public List<DeletionEntry> recent(App app, String owner, long beforeId, int limit) {
        String o = Usernames.normalize(owner, "username");
        return log.recent(app.appId(), o, beforeId, Math.min(Math.max(limit, 1), 100)).stream()
                .map(r -> entry(app, r)).toList();
    }

    // ---- undo

    /**
     * Undoes one deletion of the owner's, inside the app's undo window: the messages it hid are
     * visible again unless another deletion (not undone) also hides them; the rows' latest messages
     * are recomputed. A second undo, or one outside the window, is refused and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Undone undo(App app, String owner, long deletionId, String by, String reason) {
        Switches.requireOneWayDelete(app);
        String o = Usernames.normalize(owner, "username");
        if (app.settings().undoWindowMinutes() <= 0) {
            throw RoamdeskException.badRequest(UNDO_OFF);
        }
        DeletionLogRecord r = log.lock(app.appId(), o, deletionId)
                .orElseThrow(() -> new RoamdeskException(ErrorKind.NOT_FOUND, "deletion_not_found",
                        "no deletion " + deletionId + " of user " + o));
        DeletionEntry e = entry(app, r);
        if (e.undone()) {
            throw new RoamdeskException(ErrorKind.CONFLICT, "already_undone", "deletion " + deletionId + " was already undone");
        }
        long now = clock.millis();
        if (!e.undoable(now)) {
            throw RoamdeskException.badRequest("deletion " + deletionId + " is older than the app's undo window of "
                    + app.settings().undoWindowMinutes() + " minutes");
        }
        int conversations;
        if (e.kind() == DeletionEntry.Kind.IDS) {
            undoIds(app, new ConversationRef(o, e.chatType(), e.convId()), deletionId);
            conversations = 1;
        } else {
            List<ConversationRef> refs = marks.conversationsOf(app.appId(), o, deletionId);
            refs.forEach(ref -> undoWatermark(app, ref, deletionId));
            conversations = refs.size();
        }
        log.markUndone(app.appId(), o, deletionId, now, by, reason);
        return new Undone(entry(app, log.lock(app.appId(), o, deletionId).orElseThrow()), conversations);
    }

    private void undoIds(App app, ConversationRef ref, long deletionId) {
        var row = latest.lock(app, ref);
        Map<Long, Boolean> asked = log.askedBy(app.appId(), ref.convKey(), ref.owner(), deletionId);
        Set<Long> stillAsked = log.askedByOthers(app.appId(), ref.convKey(), ref.owner(), asked.keySet(), deletionId);
        Set<Long> unhide = new HashSet<>();
        Set<Long> handOver = new HashSet<>();
        asked.forEach((msg, created) -> {
            if (!created) {
                return; // the row was there before this deletion (or an older one made it): not ours to remove
            }
            (stillAsked.contains(msg) ? handOver : unhide).add(msg);
        });
        log.handOver(app.appId(), ref.convKey(), ref.owner(), handOver, deletionId);
        log.unhide(app.appId(), ref.convKey(), ref.owner(), unhide);
        counters.forget(app.appId(), List.of(ref));
        log.forgetAsked(app.appId(), ref.convKey(), ref.owner(), deletionId);
        row.ifPresent(c -> latest.recompute(app, ref, c.getClearedBeforeMsgId(), Long.MAX_VALUE));
    }

    /**
     * The watermark without this deletion: the highest of the other logged ones, but never below the
     * base (the oldest logged deletion's previous watermark), which passes on if this was the oldest.
     */
    private void undoWatermark(App app, ConversationRef ref, long deletionId) {
        var row = latest.lock(app, ref);
        List<DeletionWatermarkRecord> all = marks.marksFor(app.appId(), ref);
        if (all.isEmpty()) {
            return;
        }
        long base = all.get(0).getPrevWatermark();
        long effective = base;
        DeletionWatermarkRecord next = null;
        for (DeletionWatermarkRecord m : all) {
            if (m.getDeletionId() != deletionId) {
                effective = Math.max(effective, m.getWatermark());
                if (next == null) {
                    next = m;
                }
            }
        }
        if (all.get(0).getDeletionId() == deletionId && next != null) {
            marks.setPrevious(app.appId(), ref, next.getDeletionId(), base);
        }
        marks.forget(app.appId(), ref, deletionId);
        if (row.isPresent()) {
            marks.setClearedBefore(app.appId(), ref, effective);
            counters.forget(app.appId(), List.of(ref));
            latest.recompute(app, ref, effective, Long.MAX_VALUE);
        }
    }

    private DeletionEntry entry(App app, DeletionLogRecord r) {
        long window = app.settings().undoWindowMinutes() * 60_000L;
        return new DeletionEntry(r.getDeletionId(), r.getOwner(), DeletionEntry.Kind.valueOf(r.getKind()),
                r.getChatType() == null ? null : ChatType.parse(r.getChatType()), r.getConvId(), r.getBeforeTime(),
                r.getMessages(), r.getActor(), r.getActorRole(), r.getReason(), r.getDeletedAt(), r.getUndoneAt(),
                r.getUndoneBy(), r.getUndoReason(), window <= 0 ? r.getDeletedAt() : r.getDeletedAt() + window);
    }
}
