package io.roamdesk.api;

import io.roamdesk.core.RoamdeskException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Numeric query parameters (and numeric strings in bodies) as plain decimals: Spring's own binding
 * would also take {@code 0x10}, {@code #10} or {@code +10} for a number, which the vendor refuses.
 */
final class ApiParams {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}");

    private ApiParams() {
    }

    /** The value of a decimal parameter, or {@code null} when it is absent or empty; anything else is a 400. */
    static @Nullable Long decimal(String name, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String s = text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw RoamdeskException.badRequest(name + " must be a decimal number: " + clip(text));
        }
        return Long.parseLong(s);
    }

    /** A decimal parameter with a default when absent. */
    static long decimal(String name, @Nullable String text, long fallback) {
        Long v = decimal(name, text);
        return v == null ? fallback : v;
    }

    /** A decimal parameter that fits an int (page sizes, page numbers), with a default when absent. */
    static int decimalInt(String name, @Nullable String text, int fallback) {
        long v = decimal(name, text, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw RoamdeskException.badRequest(name + " is out of range: " + clip(text));
        }
        return (int) v;
    }

    /** A message id: a decimal that is not negative. */
    static @Nullable Long messageId(String name, @Nullable String text) {
        Long id = decimal(name, text);
        if (id != null && id < 0) {
            throw RoamdeskException.badRequest(name + " must be a message id: " + clip(text));
        }
        return id;
    }

    private static String clip(@Nullable String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
