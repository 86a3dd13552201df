package io.roamdesk.audit;

import io.roamdesk.jooq.tables.records.AuditEventRecord;

/** Maps stored audit rows to events. */
final class AuditEvents {

    private AuditEvents() {
    }

    static AuditEvent of(AuditEventRecord r) {
        return new AuditEvent(r.getEventId(), r.getOccurredAt(), r.getActor(), r.getActorRole(), r.getAction(),
                r.getAppId(), r.getTargetUser(), r.getTarget(), r.getParams() == null ? "{}" : r.getParams().data(),
                r.getOutcome(), r.getReason(), r.getPrevHash(), r.getRowHash(), r.getChainId(), r.getChainSeq());
    }
}
