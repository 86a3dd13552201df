package io.roamdesk.roaming;

import io.roamdesk.core.AutoCommit;
import io.roamdesk.app.App;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Snowflake;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Keyword search in one conversation's history as its owner sees it (one-way deletes, clear-all and
 * deletions for everyone respected): text messages and file names, case-insensitive, any script
 * (a Chinese query matches as a substring). No index: each call walks the conversation newest
 * first from its cursor, in growing chunks, and stops at a page of hits or at its scan budget
 * (rows or milliseconds), answering the hits so far and a cursor "continue below message X".
 * Every answer is therefore bounded, and nothing is written at ingest; see docs/roaming.md.
 */
@Service
public class SearchService {

    public static final int MAX_QUERY_LENGTH = 100;
    /** The body types whose text is searched; a filter on other types alone leaves nothing to search. */
    public static final Set<BodyType> SEARCHABLE = Set.copyOf(EnumSet.of(BodyType.TXT, BodyType.FILE));
    private static final int FIRST_CHUNK = 256;
    private static final int MAX_CHUNK = 4096;

    private final SearchRepository repo;
    private final ConversationIndexRepository conversationIndex;
    // per call; fields (not final) so a test can shrink them
    private int budgetRows;
    private long budgetMillis;

    SearchService(SearchRepository repo, ConversationIndexRepository conversationIndex, @Value("${roamdesk.search.budget-rows:200000}") int budgetRows,
            @Value("${roamdesk.search.budget-millis:250}") long budgetMillis) {
        this.repo = repo;
        this.conversationIndex = conversationIndex;
        this.budgetRows = budgetRows;
        this.budgetMillis = budgetMillis;
    }

    // a hit found is a message that existed when walked: no snapshot across the chunks is needed
    @AutoCommit
    public SearchPage search(App app, SearchRequest request) {
        Switches.requireRoaming(app);
        ConversationRef ref = ConversationRef.of(request.owner(), request.chatType(), request.convId());
        int size = Limits.pageSize(request.pageSize());
        String query = query(request.query());
        HistoryFilter filter = request.filter().normalized();
        Set<BodyType> searched = EnumSet.copyOf(SEARCHABLE);
        if (!filter.bodyTypes().isEmpty()) {
            searched.retainAll(filter.bodyTypes());
            if (searched.isEmpty()) {
                throw RoamdeskException.badRequest("search covers text messages and file names: msgTypes must include txt or file");
            }
        }
        String scope = "search|" + app.appId() + "|" + ref.owner() + "|" + ref.convKey() + "|" + filter.scope() + "|" + query;
        long start = request.cursor() == null || request.cursor().isEmpty() ? Long.MAX_VALUE
                : Cursors.decode("s1", request.cursor(), scope).key();
        ConversationIndexRepository.Visibility bounds = conversationIndex.visibility(app.appId(), ref);
        if (bounds.latestVisible() != null && ref.latestBoundsVisibility()) {
            start = Math.min(start, bounds.latestVisible() + 1); // as in the history read
        }
        String pattern = "%" + escape(query) + "%";
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        List<Long> hits = new ArrayList<>();
        int scanned = 0;
        int chunk = Math.min(FIRST_CHUNK, budgetRows);
        long position = start;
        boolean end = false;
        walk:
        while (true) {
            List<SearchRepository.Walked> rows = repo.walk(app.appId(), ref.convKey(), ref.owner(), bounds.clearedBefore(),
                    filter, searched, position, pattern, chunk);
            for (SearchRepository.Walked w : rows) {
                scanned++;
                position = w.msgId();
                if (w.hit()) {
                    hits.add(w.msgId());
                    if (hits.size() > size) {
                        break walk;
                    }
                }
            }
            if (rows.size() < chunk) {
                end = true;
                break;
            }
            if (scanned >= budgetRows || System.nanoTime() >= deadline) {
                break;
            }
            chunk = Math.min(MAX_CHUNK, Math.min(chunk * 4, budgetRows - scanned));
        }
        boolean more = hits.size() > size;
        List<Long> page = more ? hits.subList(0, size) : hits;
        String next = more ? Cursors.encode("s1", page.get(size - 1), 0, scope)
                : end ? "" : Cursors.encode("s1", position, 0, scope);
        List<MessageEntry> views = repo.messages(app.appId(), ref.convKey(), page).stream()
                .map(r -> Messages.entry(r, false)).toList();
        long scannedTo = position == Long.MAX_VALUE ? 0 : Snowflake.timestampOf(position);
        return new SearchPage(views, next, scanned, scannedTo);
    }

    /** The query as searched: stripped, 1–100 characters (Unicode code points). */
    public static String query(String raw) {
        String q = raw == null ? "" : raw.strip();
        if (q.isEmpty()) {
            throw RoamdeskException.badRequest("q (the search text) must not be empty");
        }
        if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
            throw RoamdeskException.badRequest("q (the search text) must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return q;
    }

    /** LIKE treats % and _ as wildcards: the user's text matches literally (escape character {@code !}). */
    static String escape(String q) {
        return q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
