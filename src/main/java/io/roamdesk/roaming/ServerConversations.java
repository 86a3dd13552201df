package io.roamdesk.roaming;

import io.roamdesk.core.AutoCommit;
import io.roamdesk.app.App;
import io.roamdesk.core.RetriedOnDeadlock;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's newer server conversation list: by cursor, each entry with its pin, marks and unread
 * count; pin and unpin (at most {@link #MAX_PINNED}), marks on up to {@link #MAX_MARK_CONVERSATIONS}
 * conversations per call, and "read up to here". The lists apply {@link Listing}'s rule and the
 * app's cap exactly as the page list does: the plain list is {@link ConversationService}'s own walk.
 */
@Service
public class ServerConversations {

    public static final int MAX_PINNED = 50;
    public static final int MAX_MARK_CONVERSATIONS = 20;
    /** Unread counts are exact below this; this value means "this many or more" (a client shows 99+). */
    public static final int UNREAD_CAP = 100;

    private final ConversationService conversations;
    private final ConversationPrefsRepository prefs;
    private final UnreadRepository unread;
    private final UnreadCounts counts;
    private final Clock clock;
    private final BigGroupLists bigGroups;

    ServerConversations(ConversationService conversations, ConversationPrefsRepository prefs, UnreadRepository unread,
            UnreadCounts counts, Clock clock, BigGroupLists bigGroups) {
        this.counts = counts;
        this.bigGroups = bigGroups;
        this.conversations = conversations;
        this.prefs = prefs;
        this.unread = unread;
        this.clock = clock;
    }

    /**
     * One page of the cursor list: every listed conversation by activity, or only the pinned ones
     * (newest pin first), or only those with one mark; {@code cursor} empty for the first page.
     */
    @AutoCommit
    public ConversationListPage list(App app, String owner, @Nullable String cursor, int pageSize, boolean pinnedOnly,
            @Nullable Integer mark) {
        Switches.requireRoaming(app);
        String o = Usernames.normalize(owner, "username");
        Limits.pageSize(pageSize);
        if (!pinnedOnly && mark == null) {
            ConversationService.PageRows page = conversations.cursorRows(app, o, cursor, pageSize);
            return new ConversationListPage(build(app, o, page.page().conversations(), page.rows()), page.page().nextCursor());
        }
        String scope = app.appId() + "|" + o + "|" + pinnedOnly + "|" + mark;
        Long before = cursor == null || cursor.isEmpty() ? null : Cursors.decode("f1", cursor, scope).key();
        long boundary = conversations.capBoundary(app, o);
        boolean rest = app.settings().restInList();
        List<ConversationRecord> rows = pinnedOnly
                ? prefs.pinned(app.appId(), o, rest, boundary, mark, before, pageSize + 1)
                : prefs.marked(app.appId(), o, rest, boundary, mark, before, pageSize + 1);
        rows = bigGroups.filtered(app, o, rows, boundary, pinnedOnly, mark, before, pageSize + 1);
        List<ConversationRecord> page = rows.subList(0, Math.min(rows.size(), pageSize));
        String next = "";
        if (rows.size() > pageSize) {
            ConversationRecord last = page.get(page.size() - 1);
            next = Cursors.encode("f1", pinnedOnly ? last.getPinnedAt() : last.getLastMsgId(), 0, scope);
        }
        return new ConversationListPage(build(app, o, conversations.listedViews(app, o, page), page), next);
    }

    /** The entries of conversations another list already read (the console's pages), in the same order. */
    @AutoCommit
    public List<ConversationListItem> entries(App app, String owner, List<ConversationEntry> views) {
        List<ConversationRef> refs = views.stream().map(v -> new ConversationRef(owner, v.chatType(), v.convId())).toList();
        Map<String, ConversationRecord> byKey = new HashMap<>();
        for (ConversationRecord r : bigGroups.effective(app, prefs.rows(app.appId(), owner, refs))) {
            byKey.put(JooqEnums.chatType(r.getChatType()).wire() + "/" + r.getConvId(), r);
        }
        List<ConversationRecord> rows = new ArrayList<>(views.size());
        views.forEach(v -> rows.add(byKey.get(v.chatType().wire() + "/" + v.convId())));
        return build(app, owner, views, rows);
    }

    /** Pins or unpins one conversation of the owner's list; pinning one already pinned changes nothing. */
    @RetriedOnDeadlock
    @Transactional
    public @Nullable Long pin(App app, ConversationRef ref, boolean pinned) {
        Switches.requireRoaming(app);
        if (!pinned) {
            prefs.setPinned(app.appId(), ref, null);
            return null;
        }
        long now = clock.millis();
        prefs.lockOwner(app.appId(), ref.owner(), now);
        ConversationRecord row = requireListed(app, ref);
        if (row.getPinnedAt() != null) {
            return row.getPinnedAt();
        }
        long boundary = conversations.capBoundary(app, ref.owner());
        if (prefs.countPinned(app.appId(), ref.owner(), app.settings().restInList(), boundary)
                + bigGroups.countPinned(app, ref.owner(), boundary) >= MAX_PINNED) {
            throw RoamdeskException.badRequest("at most " + MAX_PINNED + " conversations can be pinned; unpin one first");
        }
        // pin times are unique per owner (the pinned list pages by them): a second pin in the same ms takes the next
        long at = Math.max(now, prefs.newestPin(app.appId(), ref.owner()) + 1);
        prefs.setPinned(app.appId(), ref, at);
        return at;
    }

    /** Adds or removes one mark on 1-20 conversations of one owner; adding needs each in the owner's list. */
    @Transactional
    public int mark(App app, String owner, List<ConversationRef> refs, int mark, boolean on) {
        Switches.requireRoaming(app);
        if (refs.isEmpty() || refs.size() > MAX_MARK_CONVERSATIONS) {
            throw RoamdeskException.badRequest("channels must hold 1 to " + MAX_MARK_CONVERSATIONS + " conversations");
        }
        List<ConversationRef> distinct = List.copyOf(new LinkedHashSet<>(refs));
        if (on) {
            distinct.forEach(r -> requireListed(app, r));
        }
        prefs.setMark(app.appId(), owner, distinct, mark, on);
        return distinct.size();
    }

    /**
     * "Read up to here": up to {@code upTo} (a message of the conversation) or, when null, its newest
     * message. READ COMMITTED: the count stored with the row is taken after its lock, from every
     * commit before it (a snapshot from before the lock would miss a send's increment).
     */
    @RetriedOnDeadlock
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public ConversationListItem read(App app, ConversationRef ref, @Nullable Long upTo) {
        Switches.requireRoaming(app);
        ConversationRecord row = bigGroups.one(app, ref).orElseThrow(() -> notInList(ref));
        if (upTo != null && !unread.isMessageOf(app.appId(), ref.convKey(), upTo)) {
            throw RoamdeskException.badRequest("msg_id " + upTo + " is not a message of this conversation");
        }
        prefs.raiseReadUpTo(app.appId(), ref, upTo == null ? row.getLastMsgId() : upTo); // locks the row
        counts.recount(app, ref);
        ConversationRecord now = bigGroups.one(app, ref).orElseThrow();
        return build(app, ref.owner(), conversations.listedViews(app, ref.owner(), List.of(now)), List.of(now)).get(0);
    }

    /**
     * Every conversation of the owner read up to its newest message; how many rows moved. READ
     * COMMITTED for the same reason as {@link #read}: what is stored after a row's lock is read after it.
     */
    @RetriedOnDeadlock
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public int readAll(App app, String owner) {
        Switches.requireRoaming(app);
        String o = Usernames.normalize(owner, "username");
        return prefs.readAll(app.appId(), o) + bigGroups.readAll(app, o, ref -> counts.recount(app, ref));
    }

    private ConversationRecord requireListed(App app, ConversationRef ref) {
        ConversationRecord row = bigGroups.one(app, ref).orElseThrow(() -> notInList(ref));
        if (!Listing.of(row, app.settings().restInList()).listed()
                || row.getLastMsgId() < conversations.capBoundary(app, ref.owner())) {
            throw notInList(ref);
        }
        return row;
    }

    private static RoamdeskException notInList(ConversationRef ref) {
        return RoamdeskException.badRequest("conversation " + ref.convId() + " (" + ref.chatType().wire() + ") is not in "
                + ref.owner() + "'s conversation list");
    }

    private List<ConversationListItem> build(App app, String owner, List<ConversationEntry> views,
            List<@Nullable ConversationRecord> rows) {
        List<Integer> counts = this.counts.of(app.appId(), owner, rows);
        List<ConversationListItem> out = new ArrayList<>(views.size());
        int next = 0;
        for (int i = 0; i < views.size(); i++) {
            ConversationRecord r = rows.get(i);
            if (r == null) {
                out.add(new ConversationListItem(views.get(i), null, List.of(), 0, 0L));
            } else {
                out.add(new ConversationListItem(views.get(i), r.getPinnedAt(), Marks.names(r.getMarks()), counts.get(next++),
                        r.getReadUpToMsgId()));
            }
        }
        return out;
    }
}
