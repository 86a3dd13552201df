package io.roamdesk.client;

/** The seed's {@code ConversationType}: a single chat or a group. */
public enum ConversationType {
    CHAT("chat", "chat"),
    GROUP_CHAT("groupchat", "group");

    private final String wire;
    private final String roamingPath;

    ConversationType(String wire, String roamingPath) {
        this.wire = wire;
        this.roamingPath = roamingPath;
    }

    String wire() {
        return wire;
    }

    /** The segment of the vendor's roaming-delete paths. */
    String roamingPath() {
        return roamingPath;
    }

    static ConversationType of(String wire) {
        return "groupchat".equals(wire) ? GROUP_CHAT : CHAT;
    }
}
