package io.roamdesk.core;

import org.jspecify.annotations.Nullable;

/** The one formula guard of every CSV the service writes (audit export, message export). */
public final class CsvCells {

    private CsvCells() {
    }

    /** A cell a spreadsheet would run as a formula (leading =, +, -, @, tab or CR) gets a leading apostrophe. */
    public static @Nullable String guard(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
