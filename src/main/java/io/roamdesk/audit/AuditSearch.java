package io.roamdesk.audit;

import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail for reviewers: keyset pages newest first, and streaming exports. */
@Service
public class AuditSearch {

    public static final int MAX_EXPORT = 100_000;

    private final AuditSearchRepository events;

    AuditSearch(AuditSearchRepository events) {
        this.events = events;
    }

    /** A page of events older than {@code beforeEventId} (null: from the newest). */
    @Transactional(readOnly = true)
    public List<AuditEvent> page(AuditQuery q, @Nullable Long beforeEventId, int limit) {
        return events.page(q, beforeEventId, limit);
    }

    /** Every matching event, oldest first, up to {@link #MAX_EXPORT}, handed out one by one. */
    @Transactional(readOnly = true)
    public void export(AuditQuery q, Consumer<AuditEvent> sink) {
        events.export(q, MAX_EXPORT, sink);
    }
}
