package io.roamdesk.api;

import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.Direction;
import io.roamdesk.roaming.HistoryFilter;
import io.roamdesk.roaming.HistoryPage;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code FetchHistoryMessagesFromServer(By)} over HTTP: cursor pages of one conversation. */
@RestController
@RequiresToken
class HistoryController {

    private final HistoryService history;
    private final MessageJson messages;
    private final Envelope envelope;

    HistoryController(HistoryService history, MessageJson messages, Envelope envelope) {
        this.history = history;
        this.messages = messages;
        this.envelope = envelope;
    }

    @GetMapping("/{org}/{app}/users/{username}/user_channels/{type}/{channel}/messages")
    @OwnData("username")
    Map<String, Object> fetch(ApiCaller caller, @PathVariable String username, @PathVariable String type,
            @PathVariable String channel,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String startId,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String pageSize,
            @RequestParam(required = false) String startTime,
            @RequestParam(required = false) String endTime,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String msgTypes,
            HttpServletRequest request) {
        HistoryFilter filter = filter(startTime, endTime, from, msgTypes);
        HistoryPage page = history.fetch(caller.app(), new HistoryRequest(username, ChatType.parse(type), channel,
                cursor, ApiParams.messageId("startId", startId), Direction.parse(direction),
                ApiParams.decimalInt("pageSize", pageSize, 20), filter));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msgs", page.messages().stream().map(messages::message).toList());
        data.put("is_last", page.isLast());
        data.put("next_key", page.nextCursor());
        return envelope.wrap("get", caller, request, data);
    }

    /** The history filters of the query string, shared with the search. */
    static HistoryFilter filter(String startTime, String endTime, String from, String msgTypes) {
        return new HistoryFilter(ApiParams.decimal("startTime", startTime), ApiParams.decimal("endTime", endTime),
                from == null || from.isEmpty() ? null : from, bodyTypes(msgTypes));
    }

    private static Set<BodyType> bodyTypes(String csv) {
        Set<BodyType> types = new LinkedHashSet<>();
        if (csv != null && !csv.isBlank()) {
            for (String t : csv.split(",")) {
                types.add(BodyType.parse(t.strip()));
            }
        }
        return types;
    }

}
