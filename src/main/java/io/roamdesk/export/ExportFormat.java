package io.roamdesk.export;

import io.roamdesk.core.RoamdeskException;
import org.jspecify.annotations.Nullable;

/** How an export is written: JSON Lines (one message document per line) or CSV (RFC 4180). */
public enum ExportFormat {
    JSONL("jsonl", "application/x-ndjson"),
    CSV("csv", "text/csv");

    private final String wire;
    private final String contentType;

    ExportFormat(String wire, String contentType) {
        this.wire = wire;
        this.contentType = contentType;
    }

    public String wire() {
        return wire;
    }

    public String contentType() {
        return contentType;
    }

    /** {@code jsonl} (the default when absent) or {@code csv}; anything else is a 400. */
    public static ExportFormat parse(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return JSONL;
        }
        for (ExportFormat f : values()) {
            if (f.wire.equals(value)) {
                return f;
            }
        }
        throw RoamdeskException.badRequest("format must be jsonl or csv");
    }
}
