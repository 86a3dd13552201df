package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.Limits;
import io.roamdesk.roaming.RecallService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's recall: {@code msg_recall} (one message) and the older {@code recall} with a list
 * of messages, which the vendor's Java server SDK still sends. An app token recalls any message
 * (with {@code force} also outside the app's window); a user token only messages its user sent.
 */
@RestController
@RequiresToken
class RecallController {

    private final AuditedActions audited;
    private final Envelope envelope;

    RecallController(AuditedActions audited, Envelope envelope) {
        this.audited = audited;
        this.envelope = envelope;
    }

    /** {@code {"msg_id","to","chat_type","from"?,"force"?}} → {@code data{recalled, msg_id, from, to, chattype}}. */
    @PostMapping("/{org}/{app}/messages/msg_recall")
    @SenderChecked
    Map<String, Object> recall(ApiCaller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        RecallService.RecallRequest r = request(Json.requireObject(body));
        var done = audited.recall(caller.actor(), caller.app(), List.of(r), caller.user(), null);
        return envelope.wrap("post", caller, request, answer(done.get(0)));
    }

    /** {@code {"msgs":[{...}, ...]}} (1–50 messages, all or none) → {@code data{msgs:[...]}}. */
    @PostMapping("/{org}/{app}/messages/recall")
    @SenderChecked
    Map<String, Object> recallMany(ApiCaller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        JsonNode msgs = Json.requireObject(body).get("msgs");
        if (msgs == null || !msgs.isArray() || msgs.isEmpty()) {
            throw RoamdeskException.badRequest("field msgs must be a list of 1-" + Limits.MAX_DELETE_IDS + " messages");
        }
        if (msgs.size() > Limits.MAX_DELETE_IDS) {
            throw RoamdeskException.badRequest("recall msg list limit can not greater than " + Limits.MAX_DELETE_IDS);
        }
        List<RecallService.RecallRequest> requests = new ArrayList<>();
        for (JsonNode m : msgs) {
            requests.add(request(Json.requireObject(m)));
        }
        var done = audited.recall(caller.actor(), caller.app(), requests, caller.user(), null);
        return envelope.wrap("post", caller, request, Map.of("msgs", done.stream().map(RecallController::answer).toList()));
    }

    private static RecallService.RecallRequest request(JsonNode body) {
        Long msgId = msgId(body.get("msg_id"));
        String to = Json.requiredText(body, "to");
        String type = Json.requiredText(body, "chat_type");
        ChatType chatType = switch (type) {
            case "chat" -> ChatType.CHAT;
            case "groupchat" -> ChatType.GROUPCHAT;
            default -> throw RoamdeskException.badRequest("chat_type must be chat or groupchat (no chat rooms here)");
        };
        JsonNode force = body.get("force");
        if (force != null && !force.isNull() && !force.isBoolean()) {
            throw RoamdeskException.badRequest("field force must be true or false");
        }
        return new RecallService.RecallRequest(msgId, to, chatType, Json.text(body, "from"),
                force != null && force.asBoolean(false));
    }

    /** The vendor sends message ids as strings; a JSON number is taken too, nothing else. */
    private static Long msgId(JsonNode n) {
        Long id = null;
        if (n != null && n.isTextual()) {
            id = ApiParams.messageId("msg_id", n.asText());
        } else if (n != null && n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0) {
            id = n.asLong();
        } else if (n != null && !n.isNull()) {
            throw RoamdeskException.badRequest("msg_id must be a message id");
        }
        if (id == null) {
            throw RoamdeskException.badRequest("field msg_id cannot be null or empty");
        }
        return id;
    }

    private static Map<String, Object> answer(RecallService.Recalled r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recalled", "yes");
        data.put("msg_id", Long.toString(r.msgId()));
        data.put("from", r.from());
        data.put("to", r.to());
        data.put("chattype", r.chatType().wire());
        return data;
    }
}
