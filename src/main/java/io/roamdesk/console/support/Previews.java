package io.roamdesk.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.roaming.MessageEntry;

/** One-line previews of message bodies for lists and grids. */
public final class Previews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 80;

    private Previews() {
    }

    /** What a masked message shows: its type, never its content. */
    public static String masked(MessageEntry m) {
        return "[" + m.bodyType().wire() + "] ••••••";
    }

    public static String of(MessageEntry m) {
        JsonNode body;
        try {
            body = JSON.readTree(m.body());
        } catch (Exception e) {
            return "";
        }
        String text = switch (m.bodyType()) {
            case TXT -> body.path("msg").asText();
            case IMG, VIDEO, AUDIO, FILE -> "[" + m.bodyType().wire() + "] " + body.path("filename").asText("");
            case LOC -> "[loc] " + body.path("addr").asText("");
            case CMD -> "[cmd] " + body.path("action").asText("");
            case CUSTOM -> "[custom] " + body.path("customEvent").asText("");
        };
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}
