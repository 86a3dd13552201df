package io.roamdesk.client;

/** A refusal from the server: its HTTP status and the vendor error body's stable {@code error} code. */
public final class RoamdeskClientException extends RuntimeException {

    private final int status;
    private final String error;

    public RoamdeskClientException(int status, String error, String description) {
        super(status + " " + error + ": " + description);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The server's {@code error}, e.g. {@code illegal_argument}, {@code forbidden_op}, {@code invalid_grant}. */
    public String error() {
        return error;
    }
}
