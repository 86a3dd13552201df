package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.core.AutoCommit;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.MessageRecord;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code FetchHistoryMessagesFromServer}: keyset pages through one conversation as its owner sees
 * it. A page never skips or repeats a message, also while new ones arrive: the cursor is the last
 * id returned, and ids only grow.
 */
@Service
public class HistoryService {

    private final MessageRepository messageRows;
    private final HiddenMarkRepository hiddenMarks;
    private final ConversationIndexRepository conversationIndex;

    HistoryService(MessageRepository messageRows, HiddenMarkRepository hiddenMarks,
            ConversationIndexRepository conversationIndex) {
        this.messageRows = messageRows;
        this.hiddenMarks = hiddenMarks;
        this.conversationIndex = conversationIndex;
    }

    @AutoCommit
    public HistoryPage fetch(App app, HistoryRequest request) {
        Switches.requireRoaming(app);
        return page(app, request, false);
    }

    /** The console's read: with {@code showDeleted} it includes what deletions hid, flagged. */
    @AutoCommit
    public HistoryPage consoleFetch(App app, HistoryRequest request, boolean showDeleted) {
        Switches.requireRoaming(app);
        return page(app, request, showDeleted);
    }

    private HistoryPage page(App app, HistoryRequest request, boolean showDeleted) {
        ConversationRef ref = ConversationRef.of(request.owner(), request.chatType(), request.convId());
        int size = Limits.pageSize(request.pageSize());
        HistoryFilter filter = request.filter().normalized();
        String scope = app.appId() + "|" + ref.owner() + "|" + ref.convKey() + "|" + filter.scope() + "|" + showDeleted;
        Direction direction = request.direction();
        long start;
        if (request.cursor() != null && !request.cursor().isEmpty()) {
            Cursors.Position p = Cursors.decode("h1", request.cursor(), scope);
            start = p.key();
            direction = Direction.values()[(int) Math.max(0, Math.min(1, p.extra()))];
        } else if (request.startId() != null) {
            if (request.startId() < 0) {
                throw RoamdeskException.badRequest("startId must be a message id");
            }
            start = request.startId();
        } else {
            start = direction == Direction.UP ? Long.MAX_VALUE : -1;
        }
        ConversationIndexRepository.Visibility visibility = conversationIndex.visibility(app.appId(), ref);
        long cleared = visibility.clearedBefore();
        if (!showDeleted && direction == Direction.UP && visibility.latestVisible() != null
                && ref.latestBoundsVisibility()) {
            // nothing newer than the latest visible message is visible: start there, not above a run
            // of messages the owner hid at the top of the conversation
            start = Math.min(start, visibility.latestVisible() + 1);
        }
        List<MessageRecord> rows = messageRows.history(app.appId(), ref.convKey(), ref.owner(), cleared, filter, direction,
                start, showDeleted, size + 1);
        boolean more = rows.size() > size;
        List<MessageRecord> page = more ? rows.subList(0, size) : rows;
        Set<Long> hidden = showDeleted
                ? hiddenMarks.hiddenAmong(app.appId(), ref.convKey(), ref.owner(), page.stream().map(MessageRecord::getMsgId).toList())
                : Set.of();
        List<MessageEntry> entries = page.stream()
                .map(r -> Messages.entry(r, hidden.contains(r.getMsgId()) || r.getMsgId() <= cleared))
                .toList();
        String next = more ? Cursors.encode("h1", page.get(page.size() - 1).getMsgId(), direction.ordinal(), scope) : "";
        return new HistoryPage(entries, next);
    }
}
