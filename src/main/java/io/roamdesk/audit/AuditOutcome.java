package io.roamdesk.audit;

/** How an audited action ended; {@code STARTED} marks a durable job that has begun. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    STARTED;

    /** The message key of this outcome's name in the console's bundles. */
    public String labelKey() {
        return "audit.outcome." + name();
    }
}
