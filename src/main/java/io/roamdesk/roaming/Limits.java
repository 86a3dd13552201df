package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;

/** The vendor's limits, checked in one place (more is a 400, never a silent clamp). */
public final class Limits {

    public static final int MAX_PAGE_SIZE = 50;
    public static final int DEFAULT_LIST_PAGE_SIZE = 20;
    public static final int MAX_DELETE_IDS = 50;

    private Limits() {
    }

    public static int pageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RoamdeskException.badRequest("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }
}
