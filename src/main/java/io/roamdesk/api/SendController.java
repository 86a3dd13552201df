package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.SendRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST send API (origin {@code rest}), in the current and the older vendor shape. */
@RestController
@RequiresToken
class SendController {

    private final IngestService ingest;
    private final Envelope envelope;

    SendController(IngestService ingest, Envelope envelope) {
        this.ingest = ingest;
        this.envelope = envelope;
    }

    @PostMapping("/{org}/{app}/messages/users")
    Map<String, Object> toUsers(ApiCaller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        return send(caller, ChatType.CHAT, body, request);
    }

    @PostMapping("/{org}/{app}/messages/chatgroups")
    Map<String, Object> toGroups(ApiCaller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        return send(caller, ChatType.GROUPCHAT, body, request);
    }

    /** {@code {"from","target_type","target":[...],"msg":{"type",...},"ext"}}, still used by older server SDKs. */
    @PostMapping("/{org}/{app}/messages")
    Map<String, Object> legacy(ApiCaller caller, @RequestBody JsonNode body,
            @RequestParam(defaultValue = "false") boolean useMsgId, HttpServletRequest request) {
        Json.requireObject(body);
        String targetType = Json.requiredText(body, "target_type");
        ChatType type = switch (targetType) {
            case "users" -> ChatType.CHAT;
            case "chatgroups" -> ChatType.GROUPCHAT;
            default -> throw RoamdeskException.badRequest("target_type must be users or chatgroups");
        };
        JsonNode msg = body.get("msg");
        if (msg == null || !msg.isObject()) {
            throw RoamdeskException.badRequest("field msg cannot be null or empty");
        }
        BodyType bodyType = BodyType.parse(Json.requiredText(msg, "type"));
        Map<String, Long> sent = ingest.send(caller.app(), new SendRequest(from(body), type,
                strings(body, "target"), bodyType, msg.toString(), ext(body), Origin.REST));
        Map<String, String> data = new LinkedHashMap<>();
        sent.forEach((target, id) -> data.put(target, useMsgId ? Long.toString(id) : "success"));
        return envelope.wrap("post", caller, request, data);
    }

    private Map<String, Object> send(ApiCaller caller, ChatType type, JsonNode body, HttpServletRequest request) {
        Json.requireObject(body);
        BodyType bodyType = BodyType.parse(Json.requiredText(body, "type"));
        JsonNode content = body.get("body");
        if (content == null || !content.isObject()) {
            throw RoamdeskException.badRequest("field body cannot be null or empty");
        }
        Map<String, Long> sent = ingest.send(caller.app(), new SendRequest(from(body), type, strings(body, "to"),
                bodyType, content.toString(), ext(body), Origin.REST));
        Map<String, String> data = new LinkedHashMap<>();
        sent.forEach((target, id) -> data.put(target, Long.toString(id)));
        return envelope.wrap("post", caller, request, data);
    }

    private static String from(JsonNode body) {
        String from = Json.text(body, "from");
        return from == null ? "admin" : from;
    }

    private static @org.jspecify.annotations.Nullable String ext(JsonNode body) {
        JsonNode ext = body.get("ext");
        if (ext == null || ext.isNull()) {
            return null;
        }
        if (!ext.isObject()) {
            throw RoamdeskException.badRequest("field ext must be a JSON object");
        }
        return ext.toString();
    }

    static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            throw RoamdeskException.badRequest("field " + field + " cannot be null or empty");
        }
        if (!node.isArray()) {
            throw RoamdeskException.badRequest("field " + field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw RoamdeskException.badRequest("field " + field + " must be an array of strings");
            }
            out.add(n.asText());
        }
        return out;
    }
}
