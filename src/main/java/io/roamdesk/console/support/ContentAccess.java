package io.roamdesk.console.support;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import io.roamdesk.app.App;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.SearchPage;
import io.roamdesk.roaming.SearchRequest;
import io.roamdesk.roaming.SearchService;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reveal with reason: message bodies stay masked in the console until the signed-in person gives a
 * reason for this conversation; the reveal is audited and lasts {@link #WINDOW} for this session.
 * Every page of content shown afterwards is audited too.
 */
@SpringComponent
@VaadinSessionScope
public class ContentAccess {

    public static final Duration WINDOW = Duration.ofMinutes(30);

    private record Reveal(String reason, long until) {
    }

    private final AuditedActions audited;
    private final CurrentAccount account;
    private final Clock clock;
    private final Map<String, Reveal> reveals = new HashMap<>();

    ContentAccess(AuditedActions audited, CurrentAccount account, Clock clock) {
        this.audited = audited;
        this.account = account;
        this.clock = clock;
    }

    public synchronized boolean isRevealed(App app, ConversationRef ref) {
        return current(app, ref).isPresent();
    }

    public synchronized Optional<Long> revealedUntil(App app, ConversationRef ref) {
        return current(app, ref).map(Reveal::until);
    }

    public synchronized void reveal(App app, ConversationRef ref, String reason) {
        audited.revealContent(account.actor(), app, ref, reason, (int) WINDOW.toMinutes());
        reveals.put(key(app, ref), new Reveal(reason.strip(), clock.millis() + WINDOW.toMillis()));
    }

    /** Records that {@code messages} messages of the conversation were shown with their content. */
    public synchronized void shown(App app, ConversationRef ref, int messages) {
        current(app, ref).ifPresent(r -> audited.contentViewed(account.actor(), app, ref, messages, r.reason()));
    }

    /**
     * Runs a keyword search of the conversation, which reads its content: only under a reveal (a search
     * leaks which messages hold a word even when the hits are masked), and audited with the query and
     * the number of hits.
     */
    public synchronized SearchPage search(App app, ConversationRef ref, SearchRequest request, SearchService search) {
        Reveal r = current(app, ref).orElseThrow(() -> RoamdeskException.badRequest("a reason is required to search message content"));
        SearchPage page = search.search(app, request);
        audited.contentSearched(account.actor(), app, ref, SearchService.query(request.query()), page.hits().size(),
                page.scanned(), r.reason());
        return page;
    }

    private Optional<Reveal> current(App app, ConversationRef ref) {
        Reveal r = reveals.get(key(app, ref));
        return r != null && r.until() > clock.millis() ? Optional.of(r) : Optional.empty();
    }

    private static String key(App app, ConversationRef ref) {
        return app.appId() + "|" + ref.owner() + "|" + ref.chatType().wire() + "|" + ref.convId();
    }
}
