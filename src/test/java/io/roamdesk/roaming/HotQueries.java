package io.roamdesk.roaming;

import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/** The services' own hot statements, rendered with their values, for the benchmark's query plans. */
public final class HotQueries {

    private HotQueries() {
    }

    /** The history page of 50 (+1 to know whether more follow) older than {@code startId}. */
    public static String historyPage(ApplicationContext context, long appId, String owner, String peer, long startId) {
        return context.getBean(DSLContext.class).renderInlined(context.getBean(MessageRepository.class).historyQuery(
                appId, ConvKeys.single(owner, peer), owner, 0, HistoryFilter.none(), Direction.UP, startId, false, 51));
    }

    /** The first page of 20 (+1) of the owner's conversation list. */
    public static String listPage(ApplicationContext context, long appId, String owner) {
        return context.getBean(DSLContext.class).renderInlined(context.getBean(ConversationIndexRepository.class)
                .listQuery(appId, owner, false, false, null, 0, 0, 21));
    }

    /** One chunk of a keyword search's walk (the first of a call: 256 rows) below {@code startId}. */
    public static String searchWalk(ApplicationContext context, long appId, String owner, String peer, long startId,
            String word) {
        return context.getBean(DSLContext.class).renderInlined(context.getBean(SearchRepository.class).walkQuery(
                appId, ConvKeys.single(owner, peer), owner, 0, HistoryFilter.none(), SearchService.SEARCHABLE, startId,
                "%" + SearchService.escape(word) + "%", 256));
    }

    /** The unread counts of the first page of 20 of the owner's list, as the cursor list runs them. */
    public static String unreadCounts(ApplicationContext context, long appId, String owner) {
        var rows = context.getBean(ConversationIndexRepository.class).listConversations(appId, owner, false, false, null, 0, 0, 20);
        var probes = rows.stream().map(UnreadRepository.Probe::of).toList();
        return context.getBean(DSLContext.class).renderInlined(context.getBean(UnreadRepository.class)
                .unreadQuery(appId, owner, probes, ServerConversations.UNREAD_CAP));
    }
}
