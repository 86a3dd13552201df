package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.SendRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The long-connection gateway's entry: messages users send through the SDK (origin {@code sdk})
 * and group membership as the messaging service knows it. Authenticated by the gateway secret.
 */
@RestController
@RequiresGatewaySecret
class GatewayController {

    private final IngestService ingest;
    private final GroupService groups;

    GatewayController(IngestService ingest, GroupService groups) {
        this.ingest = ingest;
        this.groups = groups;
    }

    /** {@code {"from","chat_type":"chat"|"groupchat","to","type","body":{...},"ext":{...}}} → {@code {"msg_id"}}. */
    @PostMapping("/internal/{org}/{app}/messages")
    Map<String, Object> ingest(ApiCaller caller, @RequestBody JsonNode body) {
        Map<String, Long> sent = ingest.send(caller.app(), message(body));
        return Map.of("msg_id", Long.toString(sent.values().iterator().next()));
    }

    /** {@code {"messages":[ …as above… ]}} (1-500), one transaction → {@code {"msg_ids":[…]}} in order. */
    @PostMapping("/internal/{org}/{app}/messages/batch")
    Map<String, Object> batch(ApiCaller caller, @RequestBody JsonNode body) {
        Json.requireObject(body);
        JsonNode list = body.get("messages");
        if (list == null || !list.isArray()) {
            throw RoamdeskException.badRequest("field messages must be an array");
        }
        List<SendRequest> requests = new java.util.ArrayList<>();
        list.forEach(m -> requests.add(message(m)));
        return Map.of("msg_ids", ingest.sendBatch(caller.app(), requests).stream().map(String::valueOf).toList());
    }

    private static SendRequest message(JsonNode body) {
        Json.requireObject(body);
        ChatType type = ChatType.parse(Json.requiredText(body, "chat_type"));
        String to = Json.requiredText(body, "to");
        JsonNode content = body.get("body");
        if (content == null || !content.isObject()) {
            throw RoamdeskException.badRequest("field body cannot be null or empty");
        }
        JsonNode ext = body.get("ext");
        if (ext != null && !ext.isNull() && !ext.isObject()) {
            throw RoamdeskException.badRequest("field ext must be a JSON object");
        }
        return new SendRequest(Json.requiredText(body, "from"), type, List.of(to),
                BodyType.parse(Json.requiredText(body, "type")), content.toString(),
                ext == null || ext.isNull() ? null : ext.toString(), Origin.SDK);
    }

    /** {@code {"group_id","name","owner","members":[...]}}. */
    @PostMapping("/internal/{org}/{app}/groups")
    Map<String, Object> createGroup(ApiCaller caller, @RequestBody JsonNode body) {
        Json.requireObject(body);
        String id = Json.requiredText(body, "group_id");
        groups.createGroup(caller.app(), id, Json.requiredText(body, "name"), Json.requiredText(body, "owner"),
                body.has("members") ? SendController.strings(body, "members") : List.of());
        return Map.of("group_id", id.toLowerCase(java.util.Locale.ROOT));
    }

    @PostMapping("/internal/{org}/{app}/groups/{groupId}/members")
    Map<String, Object> addMembers(ApiCaller caller, @PathVariable String groupId, @RequestBody JsonNode body) {
        Json.requireObject(body);
        groups.addMembers(caller.app(), groupId, SendController.strings(body, "members"));
        return Map.of("result", "ok");
    }

    @DeleteMapping("/internal/{org}/{app}/groups/{groupId}/members")
    Map<String, Object> removeMembers(ApiCaller caller, @PathVariable String groupId, @RequestBody JsonNode body) {
        Json.requireObject(body);
        return Map.of("removed", groups.removeMembers(caller.app(), groupId, SendController.strings(body, "members")));
    }

}
