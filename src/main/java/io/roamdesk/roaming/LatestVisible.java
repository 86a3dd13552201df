package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The owner's row after a deletion or an undo: locked first, then its latest visible message
 * recomputed, so the deletions and their undos keep the list by one rule.
 */
@Component
class LatestVisible {

    private final ConversationIndexRepository conversationIndex;
    private final ConversationUpdateRepository conversationUpdates;
    private final MessageRepository messageRows;

    LatestVisible(ConversationIndexRepository conversationIndex, ConversationUpdateRepository conversationUpdates,
            MessageRepository messageRows) {
        this.conversationIndex = conversationIndex;
        this.conversationUpdates = conversationUpdates;
        this.messageRows = messageRows;
    }

    /** Locks the owner's row so a concurrent arrival cannot interleave with a recompute. */
    Optional<ConversationRecord> lock(App app, ConversationRef ref) {
        return conversationIndex.lockConversation(app.appId(), ref);
    }

    /**
     * With the owner's row locked: its latest visible message, given the watermark {@code cleared}
     * and that nothing at or above {@code below} is visible.
     */
    void recompute(App app, ConversationRef ref, long cleared, long below) {
        var newest = messageRows.newestVisible(app.appId(), ref.convKey(), ref.owner(), cleared, below);
        conversationUpdates.setLatestVisible(app.appId(), ref, newest.map(m -> m.getMsgId()).orElse(null),
                newest.map(m -> JooqEnums.origin(m.getOrigin())).orElse(null));
    }

    /** Back in the owner's list (a restore undoes the "delete conversation" of a delete-for-all). */
    void show(App app, ConversationRef ref) {
        conversationUpdates.setHidden(app.appId(), ref, false);
    }
}
