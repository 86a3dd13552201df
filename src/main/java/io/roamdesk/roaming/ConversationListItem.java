package io.roamdesk.roaming;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the vendor's cursor list: the conversation as the list shows it, plus the owner's
 * own state of it: pinned (and when), marks, and how many messages of others it has not read
 * (exact below {@link ServerConversations#UNREAD_CAP}, which means that many or more).
 */
public record ConversationListItem(ConversationEntry conversation, @Nullable Long pinnedAt, List<String> marks, int unread,
        long readUpTo) {

    public boolean pinned() {
        return pinnedAt != null;
    }

    /** The unread count as a client shows it: {@code 99+} at the cap. */
    public String unreadLabel() {
        return unread >= ServerConversations.UNREAD_CAP ? (ServerConversations.UNREAD_CAP - 1) + "+" : Integer.toString(unread);
    }
}
