package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The vendor's conversation marks MARK_0 … MARK_19, stored as bits 0 … 19 of one column. */
public final class Marks {

    public static final int COUNT = 20;

    private Marks() {
    }

    /** {@code MARK_3} (any case) or {@code 3}; anything else is a 400. */
    public static int parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("MARK_")) {
            s = s.substring("MARK_".length());
        }
        if (s.matches("[0-9]{1,2}")) {
            int m = Integer.parseInt(s);
            if (m < COUNT) {
                return m;
            }
        }
        throw RoamdeskException.badRequest("mark must be one of MARK_0 … MARK_" + (COUNT - 1) + ": "
                + (text.length() > 20 ? text.substring(0, 20) + "…" : text));
    }

    public static String name(int mark) {
        return "MARK_" + mark;
    }

    static int bit(int mark) {
        return 1 << mark;
    }

    /** The names of the marks set in {@code bits}, lowest first. */
    public static List<String> names(int bits) {
        List<String> out = new ArrayList<>();
        for (int m = 0; m < COUNT; m++) {
            if ((bits & bit(m)) != 0) {
                out.add(name(m));
            }
        }
        return out;
    }
}
