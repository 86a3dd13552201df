package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Usernames and group ids: 1-64 of a-z 0-9 _ - . ; case-insensitive, stored lower-case. */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9_.-]{1,64}");

    private Usernames() {
    }

    public static String normalize(String raw, String field) {
        if (raw == null || raw.isEmpty()) {
            throw RoamdeskException.badRequest("field " + field + " cannot be null or empty");
        }
        String s = raw.toLowerCase(Locale.ROOT);
        if (!VALID.matcher(s).matches()) {
            throw RoamdeskException.badRequest(field + " must be 1-64 characters of a-z 0-9 _ - .");
        }
        return s;
    }

    public static boolean isValid(String raw) {
        return raw != null && VALID.matcher(raw.toLowerCase(Locale.ROOT)).matches();
    }
}
