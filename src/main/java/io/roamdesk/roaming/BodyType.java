package io.roamdesk.roaming;

import io.roamdesk.core.RoamdeskException;
import java.util.Locale;

public enum BodyType {
    TXT, IMG, LOC, AUDIO, VIDEO, FILE, CMD, CUSTOM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BodyType parse(String s) {
        for (BodyType t : values()) {
            if (t.wire().equals(s)) {
                return t;
            }
        }
        throw RoamdeskException.badRequest("unknown message type: must be one of txt, img, loc, audio, video, file, cmd, custom");
    }
}
