package io.roamdesk.core;

import org.jspecify.annotations.Nullable;

/**
 * A durable job: what it works on (app, owner, conversation, every message up to
 * {@code boundaryId}), how far it got ({@code checkpointId}, {@code processed}), who started it and
 * why, and which instance runs it until when.
 */
public record Job(
        long jobId,
        long appId,
        String kind,
        String owner,
        String chatType,
        String convId,
        long boundaryId,
        long checkpointId,
        long processed,
        State state,
        String actor,
        String actorRole,
        @Nullable String reason,
        String leaseOwner,
        long leaseUntil,
        long createdAt,
        long updatedAt) {

    public enum State {
        RUNNING,
        COMPLETED
    }

    /** Running, but its instance stopped renewing the lease: it waits to be resumed. */
    public boolean interrupted(long now) {
        return state == State.RUNNING && leaseUntil < now;
    }
}
