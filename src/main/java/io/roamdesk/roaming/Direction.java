package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;
import java.util.Locale;

/** History paging direction: UP goes to older messages (the default), DOWN to newer ones. */
public enum Direction {
    UP, DOWN;

    public static Direction parse(@org.jspecify.annotations.Nullable String s) {
        if (s == null || s.isEmpty()) {
            return UP;
        }
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RoamdeskException.badRequest("direction must be UP or DOWN");
        }
    }
}
