package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * A delete-for-all in its grace period and after: the conversation, the id boundary it marked,
 * until when it may be restored, and whether it was restored or purged (with how many messages).
 */
public record ForAllDeletion(long appId, long deletionId, String owner, ChatType chatType, String convId, String convKey,
        long boundaryId, long deletedAt, long purgeAfter, State state, @Nullable Long restoredAt, @Nullable String restoredBy,
        @Nullable Long purgedAt, long purged) {

    public enum State {
        /** Deleted for everyone, restorable until {@code purgeAfter}. */
        GRACE,
        /** A restore started (and is finished by running it again if it was interrupted). */
        RESTORING,
        RESTORED,
        /** The purge job runs (or waits to be resumed). */
        PURGING,
        PURGED
    }

    public boolean restorable(long now) {
        return (state == State.GRACE || state == State.RESTORING) && now < purgeAfter;
    }

    public ConversationRef ref() {
        return new ConversationRef(owner, chatType, convId);
    }
}
