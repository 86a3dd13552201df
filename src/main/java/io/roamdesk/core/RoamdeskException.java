package io.roamdesk.core;

/**
 * A refusal the caller caused (bad input, switched-off service, unknown app). Carries a stable
 * vendor-style error code and a human description; never used for our own bugs.
 */
public class RoamdeskException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;

    public RoamdeskException(ErrorKind kind, String code, String description) {
        super(description);
        this.kind = kind;
        this.code = code;
    }

    public static RoamdeskException badRequest(String description) {
        return new RoamdeskException(ErrorKind.BAD_REQUEST, "illegal_argument", description);
    }

    public static RoamdeskException notFound(String code, String description) {
        return new RoamdeskException(ErrorKind.NOT_FOUND, code, description);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String description() {
        return getMessage();
    }
}
