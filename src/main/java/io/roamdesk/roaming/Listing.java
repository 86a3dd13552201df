package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;

import io.roamdesk.jooq.tables.records.ConversationRecord;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;

/**
 * Whether a conversation is in its owner's list as the client fetches it, and if not, why. The one
 * rule: the SQL condition the list query runs and the row-by-row decision the console shows are
 * written side by side here, so they cannot drift apart. The cap is the last step: of the rows that
 * pass, only the newest {@code conversationCap} are listed.
 */
public enum Listing {
    /** In the client's list. */
    LISTED,
    /** Removed by a "delete conversation" (it comes back with the next message). */
    DELETED,
    /** Deletions left no message the owner can see. */
    NOTHING_VISIBLE,
    /** The newest message the owner sees came through the REST API and the app keeps those out of the list. */
    REST_LATEST,
    /** It passes every rule, but newer conversations already fill the app's cap. */
    OVER_CAP;

    public boolean listed() {
        return this == LISTED;
    }

    public String labelKey() {
        return "lookup.state." + name();
    }

    /** The rows that pass the rule (before the cap), as the list query selects them. */
    static Condition condition(boolean restInList) {
        Condition c = CONVERSATION.HIDDEN.isFalse().and(CONVERSATION.LATEST_VISIBLE_MSG_ID.isNotNull());
        return restInList ? c : c.and(CONVERSATION.LATEST_VISIBLE_ORIGIN.eq(JooqEnums.conversationOrigin(Origin.SDK)));
    }

    /** The same rule for one row already read (before the cap): LISTED or the first rule it fails. */
    static Listing of(ConversationRecord r, boolean restInList) {
        return of(Boolean.TRUE.equals(r.getHidden()), r.getLatestVisibleMsgId(), JooqEnums.origin(r.getLatestVisibleOrigin()),
                restInList);
    }

    /** The rule on a row's state as it is or as a deletion would leave it. */
    static Listing of(boolean deleted, @Nullable Long latestVisible, @Nullable Origin latestOrigin, boolean restInList) {
        if (deleted) {
            return DELETED;
        }
        if (latestVisible == null) {
            return NOTHING_VISIBLE;
        }
        if (!restInList && latestOrigin != Origin.SDK) {
            return REST_LATEST;
        }
        return LISTED;
    }
}
