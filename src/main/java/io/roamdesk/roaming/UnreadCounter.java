package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.when;

import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * The maintained unread count of a conversation row ({@code unread_num}, V031) as SQL expressions
 * over the row's own columns, for the statements that move it under the row's lock. NULL means "not
 * known" (the list counts that row from the messages) and absorbs every later step, so no writer
 * can ever turn a stale value into a wrong one; only a count taken under the row's lock makes it
 * known again.
 */
final class UnreadCounter {

    static final int CAP = ServerConversations.UNREAD_CAP;
    static final Field<Integer> UNKNOWN = inline(null, SQLDataType.INTEGER);

    private UnreadCounter() {
    }

    /** Where the count starts: the read pointer, the clear-all watermark or the owner's own newest message. */
    static Field<Long> readPoint() {
        return greatest(CONVERSATION.READ_UP_TO_MSG_ID, CONVERSATION.CLEARED_BEFORE_MSG_ID, CONVERSATION.OWN_LAST_MSG_ID);
    }

    /**
     * The counter after an arrival, read from the row as it was before it (so it must be set before
     * {@code last_msg_id} and {@code own_last_msg_id} move). {@code ownMsgId}: the owner's newest own
     * message among the arrivals (0 when none): it is read up to there, so what was counted before
     * becomes 0 when it is at least the row's newest message, and not known when an older own message
     * commits after newer ones of others. {@code others}: the messages of others after it, each counted
     * when above the new read point; {@code newest} the highest of them, {@code lowest} a bound no
     * arrival is below (a straddle of the read point leaves the counter not known).
     */
    static Field<Integer> afterArrival(Field<Long> newest, Field<Long> ownMsgId, Field<Integer> others, Field<Long> lowest) {
        Field<Integer> base = when(ownMsgId.le(readPoint()), CONVERSATION.UNREAD_NUM)
                .when(ownMsgId.ge(CONVERSATION.LAST_MSG_ID), inline(0))
                .otherwise(UNKNOWN);
        Field<Long> from = greatest(readPoint(), ownMsgId);
        Field<Integer> added = when(others.eq(inline(0)), inline(0))
                .when(newest.le(from), inline(0))
                .when(others.eq(inline(1)).or(lowest.gt(from)), others)
                .otherwise(UNKNOWN);
        return least(base.plus(added), inline(CAP));
    }

    /** After the watermark rises to {@code watermark}: 0 when it covers the row's newest message, else not known. */
    static Field<Integer> afterWatermark(Field<Long> watermark) {
        return when(greatest(readPoint(), watermark).ge(CONVERSATION.LAST_MSG_ID), inline(0)).otherwise(UNKNOWN);
    }
}
