package io.roamdesk.export;

import static io.roamdesk.jooq.Tables.CONVERSATION;

import io.roamdesk.jooq.enums.ConversationChatType;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The one statement an export of a user needs beyond history: that user's conversation rows, keyset by id. */
@Repository
class ExportRepository {

    private final DSLContext db;

    ExportRepository(DSLContext db) {
        this.db = db;
    }

    /** The owner's conversations of one type after {@code afterConvId} ("" = from the first), in key order. */
    List<String> conversationsOf(long appId, String owner, ConversationChatType type, String afterConvId, int limit) {
        return db.select(CONVERSATION.CONV_ID).from(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(appId)).and(CONVERSATION.OWNER.eq(owner))
                .and(CONVERSATION.CHAT_TYPE.eq(type)).and(CONVERSATION.CONV_ID.gt(afterConvId))
                .orderBy(CONVERSATION.CONV_ID).limit(limit)
                .fetch(CONVERSATION.CONV_ID);
    }
}
