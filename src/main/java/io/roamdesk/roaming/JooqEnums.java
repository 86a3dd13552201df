package io.roamdesk.roaming;

import io.roamdesk.jooq.enums.ConversationChatType;
import io.roamdesk.jooq.enums.ConversationLatestVisibleOrigin;
import io.roamdesk.jooq.enums.MessageBodyType;
import io.roamdesk.jooq.enums.MessageChatType;
import io.roamdesk.jooq.enums.MessageOrigin;
import org.jspecify.annotations.Nullable;

/** Maps the domain enums to the per-column enums jOOQ generates from the schema. */
final class JooqEnums {

    private JooqEnums() {
    }

    static MessageChatType messageChatType(ChatType t) {
        return MessageChatType.lookupLiteral(t.wire());
    }

    static ChatType chatType(MessageChatType t) {
        return ChatType.parse(t.getLiteral());
    }

    static ConversationChatType conversationChatType(ChatType t) {
        return ConversationChatType.lookupLiteral(t.wire());
    }

    static ChatType chatType(ConversationChatType t) {
        return ChatType.parse(t.getLiteral());
    }

    static MessageBodyType bodyType(BodyType t) {
        return MessageBodyType.lookupLiteral(t.wire());
    }

    static BodyType bodyType(MessageBodyType t) {
        return BodyType.parse(t.getLiteral());
    }

    static MessageOrigin messageOrigin(Origin o) {
        return o == Origin.SDK ? MessageOrigin.sdk : MessageOrigin.rest;
    }

    static Origin origin(MessageOrigin o) {
        return o == MessageOrigin.sdk ? Origin.SDK : Origin.REST;
    }

    static @Nullable ConversationLatestVisibleOrigin conversationOrigin(@Nullable Origin o) {
        if (o == null) {
            return null;
        }
        return o == Origin.SDK ? ConversationLatestVisibleOrigin.sdk : ConversationLatestVisibleOrigin.rest;
    }

    static @Nullable Origin origin(@Nullable ConversationLatestVisibleOrigin o) {
        if (o == null) {
            return null;
        }
        return o == ConversationLatestVisibleOrigin.sdk ? Origin.SDK : Origin.REST;
    }
}
