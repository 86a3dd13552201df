package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.core.RoamdeskException;
import org.jspecify.annotations.Nullable;

/** Strict readers for request bodies: wrong types are a 400 naming the field. */
final class Json {

    private Json() {
    }

    /** The body must be a JSON object; anything else is {@code invalid_request_body}. */
    static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RoamdeskException(io.roamdesk.core.ErrorKind.BAD_REQUEST, "invalid_request_body",
                    "the body must be a JSON object");
        }
        return body;
    }

    static @Nullable String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw RoamdeskException.badRequest("field " + field + " must be a string");
        }
        return n.asText();
    }

    static String requiredText(JsonNode body, String field) {
        String s = text(body, field);
        if (s == null || s.isEmpty()) {
            throw RoamdeskException.badRequest("field " + field + " cannot be null or empty");
        }
        return s;
    }

    static long optionalLong(JsonNode body, String field, long fallback) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw RoamdeskException.badRequest("field " + field + " must be a whole number");
        }
        return n.asLong();
    }

    static boolean requiredBoolean(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw RoamdeskException.badRequest("field " + field + " cannot be null or empty");
        }
        if (!n.isBoolean()) {
            throw RoamdeskException.badRequest("field " + field + " must be true or false");
        }
        return n.asBoolean();
    }
}
