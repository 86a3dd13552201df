package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationEntry;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationService;
import io.roamdesk.roaming.Limits;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's server conversation list (our design in the vendor's style) and its delete call. */
@RestController
@RequiresToken
class ConversationController {

    private final ConversationService conversations;
    private final AuditedActions audited;
    private final MessageJson messages;
    private final Envelope envelope;

    ConversationController(ConversationService conversations, AuditedActions audited, MessageJson messages,
            Envelope envelope) {
        this.conversations = conversations;
        this.audited = audited;
        this.messages = messages;
        this.envelope = envelope;
    }

    /** {@code GetConversationsFromServerWithPage}. */
    @GetMapping("/{org}/{app}/users/{username}/user_channels/page")
    @OwnData("username")
    Map<String, Object> page(ApiCaller caller, @PathVariable String username,
            @RequestParam(name = "pageNum", required = false) String pageNumText,
            @RequestParam(name = "pageSize", required = false) String pageSizeText, HttpServletRequest request) {
        int pageNum = ApiParams.decimalInt("pageNum", pageNumText, 1);
        int pageSize = ApiParams.decimalInt("pageSize", pageSizeText, Limits.DEFAULT_LIST_PAGE_SIZE);
        List<ConversationEntry> page = conversations.page(caller.app(), username, pageNum, pageSize);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel_infos", page.stream().map(messages::conversation).toList());
        data.put("page_num", pageNum);
        data.put("page_size", pageSize);
        return envelope.wrap("get", caller, request, data);
    }

    /** {@code GetConversationsFromServer} (legacy): the app's window of days and count. */
    @GetMapping("/{org}/{app}/users/{username}/user_channels/legacy")
    @OwnData("username")
    Map<String, Object> legacy(ApiCaller caller, @PathVariable String username, HttpServletRequest request) {
        var list = conversations.legacy(caller.app(), username);
        return envelope.wrap("get", caller, request,
                Map.of("channel_infos", list.stream().map(messages::conversation).toList()));
    }

    /** {@code DeleteConversationFromServer}: body {@code {"channel","type","delete_roam"}}. */
    @DeleteMapping("/{org}/{app}/users/{username}/user_channel")
    @OwnData("username")
    Map<String, Object> delete(ApiCaller caller, @PathVariable String username, @RequestBody JsonNode body,
            HttpServletRequest request) {
        Json.requireObject(body);
        String channel = Json.requiredText(body, "channel");
        ChatType type = ChatType.parse(Json.requiredText(body, "type"));
        boolean deleteRoam = Json.requiredBoolean(body, "delete_roam");
        audited.deleteConversation(caller.actor(), caller.app(), ConversationRef.of(username, type, channel), deleteRoam,
                null, n -> { });
        return envelope.wrap("delete", caller, request, Map.of("result", "ok"));
    }
}
