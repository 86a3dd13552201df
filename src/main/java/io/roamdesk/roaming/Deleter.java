package io.roamdesk.roaming;

import org.jspecify.annotations.Nullable;

/** Who asked for a one-way deletion and why, as the deletion log records it. */
public record Deleter(String name, String role, @Nullable String reason) {

    /** A deletion made by a service call without a named caller (tests, internal callers). */
    public static final Deleter UNNAMED = new Deleter("service", "SERVICE", null);
}
