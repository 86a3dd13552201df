package io.roamdesk.console.support;

import org.jspecify.annotations.Nullable;

/** Lenient parsing of ids from deep links: a broken link shows the newest page instead of failing. */
public final class Ids {

    private Ids() {
    }

    public static @Nullable Long parse(String s) {
        try {
            long id = Long.parseLong(s.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
