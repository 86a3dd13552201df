package io.roamdesk.support;

import io.roamdesk.app.App;
import io.roamdesk.roaming.HistoryPage;
import io.roamdesk.roaming.HistoryRequest;
import io.roamdesk.roaming.HistoryService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks a history cursor to its end, as a client would, collecting the message ids in order. */
public final class HistoryWalk {

    private HistoryWalk() {
    }

    public static List<Long> ids(HistoryService history, App app, HistoryRequest first) {
        return ids(history, app, first, page -> { });
    }

    /** {@code betweenPages} runs after every page that is not the last (to send or delete meanwhile). */
    public static List<Long> ids(HistoryService history, App app, HistoryRequest first, Consumer<HistoryPage> betweenPages) {
        List<Long> ids = new ArrayList<>();
        HistoryRequest request = first;
        while (true) {
            HistoryPage page = history.fetch(app, request);
            page.messages().forEach(m -> ids.add(m.msgId()));
            if (page.isLast()) {
                return ids;
            }
            betweenPages.accept(page);
            request = request.withCursor(page.nextCursor());
        }
    }
}
