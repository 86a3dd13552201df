package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;

import io.roamdesk.core.SizedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** {@code message_hidden}: the owners' one-way deletions, bounded by app + conversation key. */
@Repository
class HiddenMarkRepository {

    private final DSLContext db;

    HiddenMarkRepository(DSLContext db) {
        this.db = db;
    }

    /** Which of these message ids the owner deleted one-way. */
    Set<Long> hiddenAmong(long appId, String convKey, String owner, Collection<Long> ids) {
        Set<Long> hidden = new HashSet<>();
        for (List<Long> part : SizedStatements.chunks(ids)) {
            Object[] binds = SizedStatements.binds(List.of(appId, convKey, owner), part);
            hidden.addAll(db.resultQuery(HIDDEN_AMONG.sql(part.size(), binds, db::render), binds).fetch(0, Long.class));
        }
        return hidden;
    }

    /** Hides the messages for the owner; answers how many were not hidden before. */
    int hide(long appId, String convKey, String owner, Collection<Long> ids, long now) {
        int added = 0;
        for (List<Long> part : SizedStatements.chunks(ids)) {
            List<Object> binds = new ArrayList<>(part.size() * 5);
            part.forEach(id -> binds.addAll(List.of(appId, convKey, owner, id, now)));
            Object[] values = binds.toArray();
            added += db.connectionResult(c -> HIDE.update(c, part.size(), values, db::render));
        }
        return added;
    }

    // the two statements of a one-way delete by ids, rendered once per number of ids (SizedStatement)
    private static final SizedStatement HIDDEN_AMONG = new SizedStatement(SizedStatements.MAX, 3, 1,
            n -> DSL.select(MESSAGE_HIDDEN.MSG_ID).from(MESSAGE_HIDDEN)
                    .where(MESSAGE_HIDDEN.APP_ID.eq(0L)).and(MESSAGE_HIDDEN.CONV_KEY.eq("")).and(MESSAGE_HIDDEN.OWNER.eq(""))
                    .and(MESSAGE_HIDDEN.MSG_ID.in(Collections.nCopies(n, 0L))));
    private static final SizedStatement HIDE = new SizedStatement(SizedStatements.MAX, 0, 5, n -> {
        var insert = DSL.insertInto(MESSAGE_HIDDEN, MESSAGE_HIDDEN.APP_ID, MESSAGE_HIDDEN.CONV_KEY, MESSAGE_HIDDEN.OWNER,
                MESSAGE_HIDDEN.MSG_ID, MESSAGE_HIDDEN.DELETED_AT);
        for (int i = 0; i < n; i++) {
            insert = insert.values(0L, "", "", 0L, 0L);
        }
        return insert.onDuplicateKeyIgnore();
    });

    /** Which of these owners deleted the message one-way. */
    Set<String> ownersHiding(long appId, String convKey, long msgId, Collection<String> owners) {
        if (owners.isEmpty()) {
            return Set.of();
        }
        return db.select(MESSAGE_HIDDEN.OWNER).from(MESSAGE_HIDDEN)
                .where(MESSAGE_HIDDEN.APP_ID.eq(appId)).and(MESSAGE_HIDDEN.CONV_KEY.eq(convKey))
                .and(MESSAGE_HIDDEN.OWNER.in(owners)).and(MESSAGE_HIDDEN.MSG_ID.eq(msgId))
                .fetchSet(MESSAGE_HIDDEN.OWNER);
    }
}
