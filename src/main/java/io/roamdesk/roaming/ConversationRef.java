package io.roamdesk.roaming;

/** One conversation seen from its owner: the peer's username or the group id, and the type. */
public record ConversationRef(String owner, ChatType chatType, String convId) {

    /** Validates and lower-cases both names. */
    public static ConversationRef of(String owner, ChatType chatType, String convId) {
        String o = Usernames.normalize(owner, "username");
        String c = Usernames.normalize(convId, chatType == ChatType.CHAT ? "channel" : "groupId");
        if (chatType == ChatType.CHAT && o.equals(c)) {
            throw io.roamdesk.core.RoamdeskException.badRequest("a single chat needs two different users");
        }
        return new ConversationRef(o, chatType, c);
    }

    /**
     * Whether nothing newer than the owner's latest visible message can be visible, so reads and
     * deletions may start there. True for single chats: every message raises both participants'
     * rows and deletions only lower it. Not for groups: a member who left keeps a row that later
     * messages (still in the group's history) no longer update.
     */
    boolean latestBoundsVisibility() {
        return chatType == ChatType.CHAT;
    }

    public String convKey() {
        return ConvKeys.of(chatType, owner, convId);
    }
}
