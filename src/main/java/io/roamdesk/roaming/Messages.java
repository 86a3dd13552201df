package io.roamdesk.roaming;

import io.roamdesk.jooq.tables.records.MessageRecord;

/** Maps stored rows to the records services hand out. */
final class Messages {

    private Messages() {
    }

    static MessageEntry entry(MessageRecord r, boolean hiddenForOwner) {
        return new MessageEntry(r.getMsgId(), r.getSender(), r.getTarget(), JooqEnums.chatType(r.getChatType()),
                JooqEnums.bodyType(r.getBodyType()), r.getBody().data(), r.getExt() == null ? null : r.getExt().data(),
                JooqEnums.origin(r.getOrigin()), r.getServerTs(), hiddenForOwner, r.getDeletedForAllAt() != null);
    }
}
