package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;

public enum ChatType {
    CHAT("chat"),
    GROUPCHAT("groupchat");

    private final String wire;

    ChatType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ChatType parse(String s) {
        for (ChatType t : values()) {
            if (t.wire.equals(s)) {
                return t;
            }
        }
        throw RoamdeskException.badRequest("type must be chat or groupchat");
    }
}
