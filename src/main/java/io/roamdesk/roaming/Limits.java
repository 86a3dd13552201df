package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;

/** The vendor's limits, checked in one place (more is a 400, never a silent clamp). */
public final class Limits {

    public static final int MAX_PAGE_SIZE = 50;
    public static final int DEFAULT_LIST_PAGE_SIZE = 20;
    public static final int MAX_DELETE_IDS = 50;
    /** How far ahead of the server a device's clock may run: a delTime that far ahead means "now". */
    public static final long DEL_TIME_CLOCK_SKEW_MS = 5 * 60_000L;

    private Limits() {
    }

    public static int pageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RoamdeskException.badRequest("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }
}
