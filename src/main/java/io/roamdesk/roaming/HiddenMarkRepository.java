package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;

import java.util.Collection;
import java.util.Set;
import org.jooq.DSLContext;
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
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.select(MESSAGE_HIDDEN.MSG_ID).from(MESSAGE_HIDDEN)
                .where(MESSAGE_HIDDEN.APP_ID.eq(appId)).and(MESSAGE_HIDDEN.CONV_KEY.eq(convKey))
                .and(MESSAGE_HIDDEN.OWNER.eq(owner)).and(MESSAGE_HIDDEN.MSG_ID.in(ids))
                .fetchSet(MESSAGE_HIDDEN.MSG_ID);
    }

    int hide(long appId, String convKey, String owner, Collection<Long> ids, long now) {
        var insert = db.insertInto(MESSAGE_HIDDEN, MESSAGE_HIDDEN.APP_ID, MESSAGE_HIDDEN.CONV_KEY, MESSAGE_HIDDEN.OWNER,
                MESSAGE_HIDDEN.MSG_ID, MESSAGE_HIDDEN.DELETED_AT);
        for (Long id : ids) {
            insert = insert.values(appId, convKey, owner, id, now);
        }
        return insert.onDuplicateKeyIgnore().execute();
    }

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
