package io.roamdesk.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    public void csv(AuditQuery q, OutputStream out) {
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS) + "\r\n");
            search.export(q, e -> {
                try {
                    w.write(String.join(",", cell(e.eventId()), cell(e.occurredAt()), cell(e.actor()), cell(e.actorRole()),
                            cell(e.action()), cell(e.appId()), cell(e.targetUser()), cell(e.target()), cell(e.params()),
                            cell(e.outcome()), cell(e.reason()), cell(e.prevHash()), cell(e.rowHash())) + "\r\n");
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

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a leading =, +, - or @ would run as a formula in a spreadsheet
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        return s.matches(".*[\",\\r\\n].*") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
