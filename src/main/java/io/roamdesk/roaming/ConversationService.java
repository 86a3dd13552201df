package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.core.AutoCommit;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Snowflake;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.jooq.tables.records.MessageRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's server conversation list, newest activity first, each with its latest message as that
 * user sees it. At most the app's cap is ever listed; conversations whose latest visible message
 * came through the REST API are left out unless the app's switch lets them in.
 */
@Service
public class ConversationService {

    private static final long DAY_MS = 86_400_000L;

    private final MessageRepository messageRows;
    private final Clock clock;
    private final BigGroupMerge merged;

    ConversationService(MessageRepository messageRows, Clock clock, BigGroupMerge merged) {
        this.merged = merged;
        this.messageRows = messageRows;
        this.clock = clock;
    }

    /** {@code GetConversationsFromServerWithPage}: pageNum from 1, pageSize 1-50. */
    @AutoCommit
    public List<ConversationEntry> page(App app, String owner, int pageNum, int pageSize) {
        Switches.requireRoaming(app);
        String o = Usernames.normalize(owner, "username");
        Limits.pageSize(pageSize);
        if (pageNum < 1) {
            throw RoamdeskException.badRequest("pageNum must be 1 or more");
        }
        int cap = app.settings().conversationCap();
        long offset = (long) (pageNum - 1) * pageSize;
        if (offset >= cap) {
            return List.of();
        }
        int limit = (int) Math.min(pageSize, cap - offset);
        // OFFSET here is bounded by the cap (a few hundred rows of one user), never by history size
        var rows = merged.list(app.appId(), o, app.settings().restInList(), false, null, 0, (int) offset, limit);
        return entries(app, o, rows, false);
    }

    /** The cursor form: {@code cursor} empty for the first page; the answer's cursor is empty at the end. */
    @AutoCommit
    public ConversationPage cursorPage(App app, String owner, @Nullable String cursor, int limit) {
        return cursorRows(app, owner, cursor, limit).page();
    }

    /** A cursor page and the rows it was built from (the pins, marks and read points are on them). */
    record PageRows(ConversationPage page, List<ConversationRecord> rows) {
    }

    /** The cursor form with its rows, so the list with unread counts never reads them twice. */
    PageRows cursorRows(App app, String owner, @Nullable String cursor, int limit) {
        Switches.requireRoaming(app);
        return walk(app, Usernames.normalize(owner, "username"), cursor, limit, false);
    }

    /**
     * The console's view of the same list; with {@code showInvisible} it also lists conversations
     * that deletions removed from the user's list, marked as such.
     */
    @AutoCommit
    public ConversationPage consolePage(App app, String owner, @Nullable String cursor, int limit, boolean showInvisible) {
        Switches.requireRoaming(app);
        return walk(app, Usernames.normalize(owner, "username"), cursor, limit, showInvisible).page();
    }

    /** {@code GetConversationsFromServer} (legacy): up to the app's count, active within its days. */
    @AutoCommit
    public List<ConversationEntry> legacy(App app, String owner) {
        Switches.requireRoaming(app);
        String o = Usernames.normalize(owner, "username");
        long since = Snowflake.firstIdAt(clock.millis() - app.settings().legacyDays() * DAY_MS) - 1;
        int limit = Math.min(app.settings().legacyCount(), app.settings().conversationCap());
        var rows = merged.list(app.appId(), o, app.settings().restInList(), false, null, since, 0, limit);
        return entries(app, o, rows, false);
    }

    private PageRows walk(App app, String owner, @Nullable String cursor, int limit, boolean showInvisible) {
        Limits.pageSize(limit);
        String scope = app.appId() + "|" + owner + "|" + showInvisible;
        Long before = null;
        long seen = 0;
        if (cursor != null && !cursor.isEmpty()) {
            Cursors.Position p = Cursors.decode("c1", cursor, scope);
            before = p.key();
            seen = p.extra();
        }
        int cap = showInvisible ? Integer.MAX_VALUE : app.settings().conversationCap();
        int take = (int) Math.min(limit, cap - seen);
        if (take <= 0) {
            return new PageRows(new ConversationPage(List.of(), ""), List.of());
        }
        var rows = merged.list(app.appId(), owner, app.settings().restInList() || showInvisible,
                showInvisible, before, 0, 0, take + 1);
        boolean more = rows.size() > take && seen + take < cap;
        List<ConversationRecord> page = rows.subList(0, Math.min(rows.size(), take));
        String next = more
                ? Cursors.encode("c1", page.get(page.size() - 1).getLastMsgId(), seen + page.size(), scope)
                : "";
        return new PageRows(new ConversationPage(entries(app, owner, page, showInvisible), next), page);
    }

    /** The list's entries for rows already read (the cursor list's filtered forms). */
    List<ConversationEntry> listedViews(App app, String owner, List<ConversationRecord> rows) {
        return entries(app, owner, rows, false);
    }

    /**
     * The activity of the last conversation within the app's cap (0 when fewer pass the list rule):
     * a row passing the rule is listed exactly when its activity is at least this.
     */
    long capBoundary(App app, String owner) {
        int cap = app.settings().conversationCap();
        var last = merged.list(app.appId(), owner, app.settings().restInList(), false, null, 0, cap - 1, 1);
        return last.isEmpty() ? 0L : last.get(0).getLastMsgId();
    }

    private List<ConversationEntry> entries(App app, String owner, List<ConversationRecord> rows, boolean showInvisible) {
        List<Map.Entry<String, Long>> keys = new ArrayList<>();
        for (ConversationRecord r : rows) {
            Long id = latestId(r, showInvisible);
            if (id != null) {
                keys.add(Map.entry(r.getConvKey(), id));
            }
        }
        Map<Long, MessageRecord> latest = messageRows.messagesByKey(app.appId(), keys);
        List<Listing> listings = listings(app, owner, rows, showInvisible);
        List<ConversationEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ConversationRecord r = rows.get(i);
            Long id = latestId(r, showInvisible);
            MessageRecord m = id == null ? null : latest.get(id);
            if (m != null && m.getDeletedForAllAt() != null && !showInvisible) {
                // a former group member's row is not moved back by a recall or a delete-for-all (only
                // current members' rows are): it must still never show what nobody may read any more
                m = null;
            }
            boolean visible = r.getLatestVisibleMsgId() != null;
            entries.add(new ConversationEntry(r.getConvId(), JooqEnums.chatType(r.getChatType()), r.getLastMsgId(),
                    m == null ? null : Messages.entry(m, !visible), listings.get(i)));
        }
        return entries;
    }

    /**
     * Whether each row (newest first) is in the client's list: the rows of the client's own list all
     * are; among every row, a row is listed when it passes {@link Listing}'s rule and fewer than the
     * cap of newer rows pass it.
     */
    private List<Listing> listings(App app, String owner, List<ConversationRecord> rows, boolean showInvisible) {
        if (!showInvisible) {
            return rows.stream().map(r -> Listing.LISTED).toList();
        }
        boolean rest = app.settings().restInList();
        int cap = app.settings().conversationCap();
        List<Listing> out = new ArrayList<>(rows.size());
        int rank = rows.isEmpty() ? 0 : merged.countListedNewerThan(app.appId(), owner, rest, rows.get(0).getLastMsgId(), cap);
        for (ConversationRecord r : rows) {
            Listing l = Listing.of(r, rest);
            if (l.listed()) {
                l = rank < cap ? Listing.LISTED : Listing.OVER_CAP;
                rank++;
            }
            out.add(l);
        }
        return out;
    }

    private static @Nullable Long latestId(ConversationRecord r, boolean showInvisible) {
        return r.getLatestVisibleMsgId() != null || !showInvisible ? r.getLatestVisibleMsgId() : r.getLastMsgId();
    }
}
