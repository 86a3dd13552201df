package io.roamdesk.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.app.App;
import io.roamdesk.app.AppAccess;
import io.roamdesk.app.AppService;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditOutcome;
import io.roamdesk.audit.AuditTrail;
import io.roamdesk.core.CsvCells;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.enums.ConversationChatType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.Direction;
import io.roamdesk.roaming.HistoryFilter;
import io.roamdesk.roaming.HistoryPage;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import io.roamdesk.roaming.MessageDocument;
import io.roamdesk.roaming.MessageEntry;
import io.roamdesk.roaming.Switches;
import io.roamdesk.roaming.Usernames;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Exports of message content, for the console and the REST API alike: one conversation as its
 * owner sees it (one-way deletes, the clear-all watermark and deletions for all respected, through
 * {@link HistoryService}'s keyset pages, oldest first), or every conversation of one user (a
 * data-access request). Written as JSON Lines (the vendor's message document, one per line) or
 * CSV; streamed page by page, so memory stays constant whatever the size (one page of
 * {@value #PAGE} messages is held at a time).
 *
 * <p>An export is a content access: {@link #conversation} and {@link #user} check who may export
 * (SUPPORT with a reason, APP_ADMIN, an API client or the end user itself; never an AUDITOR) and
 * record {@link AuditAction#CONTENT_EXPORT} as started; {@link Export#writeTo} records the outcome
 * with the number of messages written, also when the transfer broke off.
 */
@Service
public class MessageExport {

    static final int PAGE = 50;
    static final int CONVERSATIONS_PER_READ = 100;
    /** {@code text} is a text message's words (empty for other bodies), the cell a spreadsheet shows and could run. */
    static final String[] COLUMNS = {"msg_id", "timestamp", "from", "to", "chat_type", "body_type", "text", "body",
        "ext", "origin"};
    private static final Set<String> CONSOLE_ROLES = Set.of("SUPPORT", "APP_ADMIN", "AUDITOR", "PLATFORM_ADMIN");

    private final HistoryService history;
    private final ExportRepository repo;
    private final AuditTrail trail;
    private final AppAccess access;
    private final ObjectMapper json = new ObjectMapper();

    MessageExport(HistoryService history, ExportRepository repo, AuditTrail trail, AppAccess access) {
        this.history = history;
        this.repo = repo;
        this.trail = trail;
        this.access = access;
    }

    /** A checked, started export; nothing is written until {@link #writeTo}. */
    public final class Export {

        private final Actor actor;
        private final App app;
        private final String owner;
        private final @Nullable ConversationRef ref;
        private final ExportFormat format;
        private final @Nullable String reason;

        private Export(Actor actor, App app, String owner, @Nullable ConversationRef ref, ExportFormat format,
                @Nullable String reason) {
            this.actor = actor;
            this.app = app;
            this.owner = owner;
            this.ref = ref;
            this.format = format;
            this.reason = reason;
        }

        public ExportFormat format() {
            return format;
        }

        /** e.g. {@code alice-chat-bob.jsonl} or {@code alice-all.csv}. */
        public String fileName() {
            String base = ref == null ? owner + "-all" : owner + "-" + ref.chatType().wire() + "-" + ref.convId();
            return base + "." + format.wire();
        }

        /** Streams the export; {@code progress} hears the running count after each page. Answers the count. */
        public long writeTo(OutputStream out, LongConsumer progress) {
            long[] written = {0};
            try {
                try (Writer w = writer(new BufferedOutputStream(out, 64 * 1024))) {
                    LongConsumer counted = n -> {
                        written[0] = n;
                        progress.accept(n);
                    };
                    if (ref != null) {
                        conversationTo(w, ref, 0, counted);
                    } else {
                        userTo(w, counted);
                    }
                }
            } catch (RuntimeException e) {
                audit(AuditOutcome.FAILURE, written[0], false);
                throw e;
            }
            audit(AuditOutcome.SUCCESS, written[0], true);
            return written[0];
        }

        private void audit(AuditOutcome outcome, long messages, boolean complete) {
            trail.recordAlone(actor, AuditAction.CONTENT_EXPORT, app.appId(), owner, target(), Map.of("format",
                    format.wire(), "messages", messages, "complete", complete), outcome, reason);
        }

        private String target() {
            return ref == null ? "user:" + owner : ref.chatType().wire() + ":" + ref.convId();
        }

        private long conversationTo(Writer w, ConversationRef conv, long before, LongConsumer progress) {
            long n = before;
            HistoryRequest request = new HistoryRequest(conv.owner(), conv.chatType(), conv.convId(), null, null,
                    Direction.DOWN, PAGE, HistoryFilter.none());
            while (true) {
                HistoryPage page = history.fetch(app, request);
                for (MessageEntry m : page.messages()) {
                    w.write(m);
                }
                n += page.messages().size();
                w.flush();
                progress.accept(n);
                if (page.isLast()) {
                    return n;
                }
                request = request.withCursor(page.nextCursor());
            }
        }

        private void userTo(Writer w, LongConsumer progress) {
            long n = 0;
            for (ChatType type : ChatType.values()) {
                ConversationChatType stored = ConversationChatType.lookupLiteral(type.wire());
                String after = "";
                List<String> convs;
                while (!(convs = repo.conversationsOf(app.appId(), owner, stored, after, CONVERSATIONS_PER_READ)).isEmpty()) {
                    for (String conv : convs) {
                        n = conversationTo(w, new ConversationRef(owner, type, conv), n, progress);
                    }
                    after = convs.get(convs.size() - 1);
                }
            }
        }

        private Writer writer(OutputStream out) {
            return format == ExportFormat.JSONL ? new JsonLines(out) : new Csv(out);
        }
    }

    /** Checks and starts the export of one conversation as its owner sees it. */
    public Export conversation(Actor actor, App app, ConversationRef ref, ExportFormat format, @Nullable String reason) {
        return start(actor, app, ref.owner(), ref, format, reason);
    }

    /** Checks and starts the export of everything of one user: each of its conversations as it sees it. */
    public Export user(Actor actor, App app, String username, ExportFormat format, @Nullable String reason) {
        return start(actor, app, Usernames.normalize(username, "username"), null, format, reason);
    }

    private Export start(Actor actor, App app, String owner, @Nullable ConversationRef ref, ExportFormat format,
            @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Export export = new Export(actor, app, owner, ref, format, why);
        try {
            if (CONSOLE_ROLES.contains(actor.role())) {
                access.check(actor.name(), app.appId());
            }
            if ("AUDITOR".equals(actor.role())) {
                throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op", "auditors do not read message content");
            }
            if ("SUPPORT".equals(actor.role()) && why == null) {
                throw RoamdeskException.badRequest("a reason is required to export message content");
            }
            if (why != null && why.length() > AppService.MAX_REASON) {
                throw RoamdeskException.badRequest("a reason has at most " + AppService.MAX_REASON + " characters");
            }
            Switches.requireRoaming(app);
        } catch (RoamdeskException e) {
            trail.recordFailure(actor, AuditAction.CONTENT_EXPORT, app.appId(), owner, export.target(),
                    Map.of("format", format.wire()), e.code() + ": " + e.description(), why);
            throw e;
        }
        trail.recordAlone(actor, AuditAction.CONTENT_EXPORT, app.appId(), owner, export.target(),
                Map.of("format", format.wire()), AuditOutcome.STARTED, why);
        return export;
    }

    private String text(MessageEntry m) {
        if (m.bodyType() != io.roamdesk.roaming.BodyType.TXT) {
            return "";
        }
        try {
            return json.readTree(m.body()).path("msg").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /** One output format. */
    private interface Writer extends AutoCloseable {
        void write(MessageEntry m);

        void flush();

        @Override
        void close();
    }

    private final class JsonLines implements Writer {
        private final OutputStream out;

        JsonLines(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(MessageEntry m) {
            try {
                out.write(json.writeValueAsBytes(MessageDocument.of(json, m)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** RFC 4180 through Commons CSV; every text cell passes the shared formula guard. */
    private final class Csv implements Writer {
        private final CSVPrinter csv;

        Csv(OutputStream out) {
            try {
                csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setHeader(COLUMNS).setQuoteMode(QuoteMode.MINIMAL).get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(MessageEntry m) {
            try {
                csv.printRecord(Long.toString(m.msgId()), m.timestamp(), CsvCells.guard(m.from()),
                        CsvCells.guard(m.to()), m.chatType().wire(), m.bodyType().wire(), CsvCells.guard(text(m)),
                        CsvCells.guard(m.body()),
                        CsvCells.guard(m.ext() == null ? "" : m.ext()), m.origin().name().toLowerCase());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
