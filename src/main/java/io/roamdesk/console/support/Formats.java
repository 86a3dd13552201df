package io.roamdesk.console.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes times: the browser's zone is not known server-side, so UTC, said so. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private Formats() {
    }

    /** The first millisecond of a day in UTC. */
    public static long dayStart(java.time.LocalDate day) {
        return day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    /** The last millisecond of a day in UTC. */
    public static long dayEnd(java.time.LocalDate day) {
        return dayStart(day.plusDays(1)) - 1;
    }

    public static String time(long epochMs) {
        return TIME.format(Instant.ofEpochMilli(epochMs));
    }
}
