package io.roamdesk.roaming;

/**
 * A one-way deletion as done: its id in the deletion log (0 when it changed nothing worth logging,
 * e.g. a time before any message) and how many messages (by ids) or conversations (clear-all) it touched.
 */
public record OneWayDeletion(long deletionId, int count) {
}
