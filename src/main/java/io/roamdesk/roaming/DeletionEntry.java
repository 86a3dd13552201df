package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/**
 * One row of a user's deletion log: what a one-way deletion hid, who asked and why, and whether and
 * until when it may be undone. {@code count} is messages for {@link Kind#IDS}, conversations for
 * {@link Kind#ALL}, 0 for {@link Kind#TIME} (everything before {@code beforeTime}).
 */
public record DeletionEntry(long deletionId, String owner, Kind kind, @Nullable ChatType chatType, @Nullable String convId,
        @Nullable Long beforeTime, int count, String actor, String actorRole, @Nullable String reason, long deletedAt,
        @Nullable Long undoneAt, @Nullable String undoneBy, @Nullable String undoReason, long undoableUntil) {

    public enum Kind {
        IDS,
        TIME,
        ALL
    }

    public boolean undone() {
        return undoneAt != null;
    }

    /** Not undone yet and still inside the app's undo window. */
    public boolean undoable(long now) {
        return undoneAt == null && now < undoableUntil;
    }
}
