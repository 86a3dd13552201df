package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.MESSAGE;
import static io.roamdesk.jooq.Tables.MESSAGE_HIDDEN;

import io.roamdesk.jooq.tables.records.MessageRecord;
import java.util.Set;
import org.jooq.Table;

/**
 * The table a history walk reads: one conversation's messages, in id order, through the index its
 * filter needs, with the owner's one-way deletions joined by their primary key.
 *
 * <p>Why a hint: with ORDER BY msg_id LIMIT n both the primary key and the sender (or type) index
 * return rows in order, and the optimizer weighs them by the table's average rows per sender. On a
 * table where one app has a huge conversation with few senders, that average makes it walk the
 * primary key, reading the whole conversation to find one sender's few messages (seen in the test
 * suite after a 200,000-message load). The index is the right path for every filtered walk.
 */
final class HistoryWalk {

    private HistoryWalk() {
    }

    /** The message table, hinted to the index of the filter: one sender, or exactly one body type. */
    static Table<MessageRecord> messages(@org.jspecify.annotations.Nullable String sender, Set<BodyType> bodyTypes) {
        if (sender != null) {
            return MESSAGE.forceIndex("ix_message_sender");
        }
        if (bodyTypes.size() == 1) {
            return MESSAGE.forceIndex("ix_message_body_type");
        }
        return MESSAGE;
    }

    /** The same, left-joined with the owner's one-way deletions (absent = visible). */
    static Table<?> withHidden(Table<MessageRecord> messages, String owner) {
        return messages.leftJoin(MESSAGE_HIDDEN).on(MESSAGE_HIDDEN.APP_ID.eq(MESSAGE.APP_ID),
                MESSAGE_HIDDEN.CONV_KEY.eq(MESSAGE.CONV_KEY), MESSAGE_HIDDEN.OWNER.eq(owner),
                MESSAGE_HIDDEN.MSG_ID.eq(MESSAGE.MSG_ID));
    }
}
