package io.roamdesk.api;

import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.HistoryFilter;
import io.roamdesk.roaming.SearchPage;
import io.roamdesk.roaming.SearchRequest;
import io.roamdesk.roaming.SearchService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keyword search in one conversation's history, newest first, as {@code username} sees it. A page
 * may hold fewer hits than asked (even none) and still go on: the call's scan budget ran out, and
 * {@code next_key} continues below {@code scanned_to}.
 */
@RestController
@RequiresToken
class SearchController {

    private final SearchService search;
    private final MessageJson messages;
    private final Envelope envelope;

    SearchController(SearchService search, MessageJson messages, Envelope envelope) {
        this.search = search;
        this.messages = messages;
        this.envelope = envelope;
    }

    @GetMapping("/{org}/{app}/users/{username}/user_channels/{type}/{channel}/messages/search")
    @OwnData("username")
    Map<String, Object> search(ApiCaller caller, @PathVariable String username, @PathVariable String type,
            @PathVariable String channel,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String pageSize,
            @RequestParam(required = false) String startTime,
            @RequestParam(required = false) String endTime,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String msgTypes,
            HttpServletRequest request) {
        HistoryFilter filter = HistoryController.filter(startTime, endTime, from, msgTypes);
        SearchPage page = search.search(caller.app(), new SearchRequest(username, ChatType.parse(type), channel, q, cursor,
                ApiParams.decimalInt("pageSize", pageSize, 20), filter));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msgs", page.hits().stream().map(messages::message).toList());
        data.put("is_last", page.isLast());
        data.put("next_key", page.nextCursor());
        data.put("scanned", page.scanned());
        data.put("scanned_to", page.scannedToTime());
        return envelope.wrap("get", caller, request, data);
    }
}
