package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Snowflake;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Optional history filters: a time range (inclusive, ms; mapped onto the id range), one sender,
 * some body types. {@link #none()} filters nothing.
 */
public record HistoryFilter(@Nullable Long fromTime, @Nullable Long toTime, @Nullable String sender,
        Set<BodyType> bodyTypes) {

    public HistoryFilter {
        if (fromTime != null && toTime != null && fromTime > toTime) {
            throw RoamdeskException.badRequest("startTime must not be after endTime");
        }
        if ((fromTime != null && fromTime < 0) || (toTime != null && toTime < 0)) {
            throw RoamdeskException.badRequest("times are milliseconds since 1970 and cannot be negative");
        }
        bodyTypes = Set.copyOf(bodyTypes);
    }

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null, Set.of());
    }

    /** The same filter with the sender as the service compares it (a bad name is a 400). */
    HistoryFilter normalized() {
        return sender == null ? this : new HistoryFilter(fromTime, toTime, Usernames.normalize(sender, "from"), bodyTypes);
    }

    long minId() {
        return fromTime == null ? 0 : Snowflake.firstIdAt(fromTime);
    }

    long maxId() {
        return toTime == null ? Long.MAX_VALUE : Snowflake.lastIdAt(toTime);
    }

    /** Part of a cursor's scope: a cursor only continues the query it came from. */
    String scope() {
        return fromTime + "|" + toTime + "|" + sender + "|" + new java.util.TreeSet<>(bodyTypes);
    }
}
