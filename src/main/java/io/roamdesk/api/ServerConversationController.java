package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationListItem;
import io.roamdesk.roaming.ConversationListPage;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.Limits;
import io.roamdesk.roaming.Marks;
import io.roamdesk.roaming.ServerConversations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's newer server conversation calls (our paths in the vendor's style, its field names):
 * the cursor list with {@code is_top}, {@code pinned_time}, {@code marks} and {@code unread_num};
 * pin, marks, and read. User tokens reach their own conversations, app tokens everyone's.
 */
@RestController
@RequiresToken
class ServerConversationController {

    private final ServerConversations service;
    private final MessageJson messages;
    private final Envelope envelope;

    ServerConversationController(ServerConversations service, MessageJson messages, Envelope envelope) {
        this.service = service;
        this.messages = messages;
        this.envelope = envelope;
    }

    /** The cursor list; {@code pinned=true} only the pinned ones (newest pin first), {@code mark} only those with it. */
    @GetMapping("/{org}/{app}/users/{username}/user_channels")
    @OwnData("username")
    Map<String, Object> list(ApiCaller caller, @PathVariable String username,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "pageSize", required = false) String pageSizeText,
            @RequestParam(name = "limit", required = false) String limitText,
            @RequestParam(name = "pinned", required = false) String pinnedText,
            @RequestParam(name = "mark", required = false) String markText, HttpServletRequest request) {
        int pageSize = ApiParams.decimalInt(pageSizeText != null ? "pageSize" : "limit",
                pageSizeText != null ? pageSizeText : limitText, Limits.DEFAULT_LIST_PAGE_SIZE);
        boolean pinned = flag("pinned", pinnedText);
        Integer mark = markText == null || markText.isEmpty() ? null : Marks.parse(markText);
        ConversationListPage page = service.list(caller.app(), username, cursor, pageSize, pinned, mark);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel_infos", page.entries().stream().map(this::entry).toList());
        data.put("cursor", page.nextCursor());
        return envelope.wrap("get", caller, request, data);
    }

    /** Pin or unpin: body {@code {"channel","type","is_top"}}. */
    @PutMapping("/{org}/{app}/users/{username}/user_channel/pin")
    @OwnData("username")
    Map<String, Object> pin(ApiCaller caller, @PathVariable String username, @RequestBody JsonNode body,
            HttpServletRequest request) {
        Json.requireObject(body);
        ConversationRef ref = ref(username, body);
        boolean top = Json.requiredBoolean(body, "is_top");
        Long at = service.pin(caller.app(), ref, top);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", ref.convId());
        data.put("type", ref.chatType().wire());
        data.put("is_top", at != null);
        data.put("pinned_time", at == null ? 0L : at);
        return envelope.wrap("put", caller, request, data);
    }

    /** Add one mark: body {@code {"mark":"MARK_0","channels":[{"channel","type"},…]}} (1-20 channels). */
    @PutMapping("/{org}/{app}/users/{username}/user_channels/marks")
    @OwnData("username")
    Map<String, Object> addMark(ApiCaller caller, @PathVariable String username, @RequestBody JsonNode body,
            HttpServletRequest request) {
        return mark(caller, username, body, request, true);
    }

    /** Remove one mark: the same body. */
    @DeleteMapping("/{org}/{app}/users/{username}/user_channels/marks")
    @OwnData("username")
    Map<String, Object> removeMark(ApiCaller caller, @PathVariable String username, @RequestBody JsonNode body,
            HttpServletRequest request) {
        return mark(caller, username, body, request, false);
    }

    /** Read up to here: body {@code {"channel","type","msg_id"?}} (no msg_id: up to the newest message). */
    @PostMapping("/{org}/{app}/users/{username}/user_channel/read")
    @OwnData("username")
    Map<String, Object> read(ApiCaller caller, @PathVariable String username, @RequestBody JsonNode body,
            HttpServletRequest request) {
        Json.requireObject(body);
        ConversationRef ref = ref(username, body);
        Long upTo = ApiParams.messageId("msg_id", Json.text(body, "msg_id"));
        ConversationListItem e = service.read(caller.app(), ref, upTo);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", ref.convId());
        data.put("type", ref.chatType().wire());
        data.put("read_up_to", Long.toString(e.readUpTo()));
        data.put("unread_num", e.unread());
        return envelope.wrap("post", caller, request, data);
    }

    /** Every conversation of the user read. */
    @PostMapping("/{org}/{app}/users/{username}/user_channels/read")
    @OwnData("username")
    Map<String, Object> readAll(ApiCaller caller, @PathVariable String username, HttpServletRequest request) {
        int n = service.readAll(caller.app(), username);
        return envelope.wrap("post", caller, request, Map.of("result", "ok", "count", n));
    }

    private Map<String, Object> mark(ApiCaller caller, String username, JsonNode body, HttpServletRequest request,
            boolean on) {
        Json.requireObject(body);
        int mark = Marks.parse(Json.requiredText(body, "mark"));
        JsonNode channels = body.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            throw RoamdeskException.badRequest("field channels cannot be null or empty");
        }
        if (channels.size() > ServerConversations.MAX_MARK_CONVERSATIONS) {
            throw RoamdeskException.badRequest("mark channel list limit can not greater than "
                    + ServerConversations.MAX_MARK_CONVERSATIONS);
        }
        List<ConversationRef> refs = new ArrayList<>();
        for (JsonNode c : channels) {
            Json.requireObject(c);
            refs.add(ref(username, c));
        }
        int n = service.mark(caller.app(), refs.get(0).owner(), refs, mark, on);
        return envelope.wrap(on ? "put" : "delete", caller, request, Map.of("mark", Marks.name(mark), "count", n));
    }

    private static ConversationRef ref(String username, JsonNode body) {
        String channel = Json.requiredText(body, "channel");
        ChatType type = ChatType.parse(Json.requiredText(body, "type"));
        return ConversationRef.of(username, type, channel);
    }

    private static boolean flag(String name, @Nullable String text) {
        if (text == null || text.isEmpty() || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw RoamdeskException.badRequest(name + " must be true or false");
    }

    private ObjectNode entry(ConversationListItem e) {
        ObjectNode node = messages.conversation(e.conversation());
        node.put("is_top", e.pinned());
        node.put("pinned_time", e.pinned() ? e.pinnedAt() : 0L);
        node.putPOJO("marks", e.marks());
        node.put("unread_num", e.unread());
        return node;
    }
}
