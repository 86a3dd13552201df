package io.roamdesk.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/** Writes filtered audit events as CSV (RFC 4180) or JSON, with the hashes so a copy can be checked too. */
@Service
public class AuditExport {

    static final String[] COLUMNS = {"event_id", "occurred_at", "actor", "actor_role", "action", "app_id", "target_user",
        "target", "params", "outcome", "reason", "prev_hash", "row_hash"};

    private final AuditSearch search;
    private final ObjectMapper json = new ObjectMapper();

    AuditExport(AuditSearch search) {
        this.search = search;
    }

    /**
     * RFC 4180 CSV through Commons CSV: a cell holding a separator, a quote or a line break (CR
     * alone too) is quoted, so no typed value can shift the columns; times are ISO-8601 UTC.
     */
    public void csv(AuditQuery q, OutputStream out) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS).setQuoteMode(QuoteMode.MINIMAL).get();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format)) {
            search.export(q, e -> {
                try {
                    csv.printRecord(e.eventId(), Instant.ofEpochMilli(e.occurredAt()).toString(), text(e.actor()),
                            text(e.actorRole()), text(e.action()), e.appId(), text(e.targetUser()), text(e.target()),
                            text(e.params()), text(e.outcome()), text(e.reason()), e.prevHash(), e.rowHash());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void json(AuditQuery q, OutputStream out) {
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartArray();
            search.export(q, e -> {
                try {
                    g.writeStartObject();
                    g.writeNumberField("event_id", e.eventId());
                    g.writeNumberField("occurred_at", e.occurredAt());
                    g.writeStringField("actor", e.actor());
                    g.writeStringField("actor_role", e.actorRole());
                    g.writeStringField("action", e.action());
                    if (e.appId() != null) {
                        g.writeStringField("app_id", e.appId().toString());
                    }
                    g.writeStringField("target_user", e.targetUser());
                    g.writeStringField("target", e.target());
                    g.writeFieldName("params");
                    g.writeRawValue(e.params());
                    g.writeStringField("outcome", e.outcome());
                    g.writeStringField("reason", e.reason());
                    g.writeStringField("prev_hash", e.prevHash());
                    g.writeStringField("row_hash", e.rowHash());
                    g.writeEndObject();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell a spreadsheet would run as a formula gets a leading apostrophe (see {@link io.roamdesk.core.CsvCells}). */
    static String text(String value) {
        return io.roamdesk.core.CsvCells.guard(value);
    }
}
