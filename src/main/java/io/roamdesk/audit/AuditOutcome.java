package io.roamdesk.audit;

/** How an audited action ended; {@code STARTED} marks a durable job that has begun. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    STARTED
}
