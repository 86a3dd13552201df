package io.roamdesk.roaming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The roaming service's own counters for the people on call (scraped from {@code /actuator/prometheus}):
 * messages ingested by origin, deletions by kind, and messages deleted for all participants.
 * Every series is registered at start, so a scrape shows zeros rather than nothing.
 */
@Component
class RoamingMetrics {

    /** What a deletion did; the tag value is the lower-case name. */
    enum DeletionKind { ONE_WAY_IDS, ONE_WAY_TIME, CLEAR_ALL, CONVERSATION, CONVERSATION_FOR_ALL }

    private final Map<Origin, Counter> ingested = new EnumMap<>(Origin.class);
    private final Map<DeletionKind, Counter> deletions = new EnumMap<>(DeletionKind.class);
    private final Counter deletedForAll;

    RoamingMetrics(MeterRegistry registry) {
        for (Origin o : Origin.values()) {
            ingested.put(o, Counter.builder("roamdesk.messages.ingested")
                    .description("Messages stored, one per target (a group message counts once)")
                    .tag("origin", o.name().toLowerCase()).register(registry));
        }
        for (DeletionKind k : DeletionKind.values()) {
            deletions.put(k, Counter.builder("roamdesk.deletions")
                    .description("Deletions carried out, by kind (REST and console)")
                    .tag("kind", k.name().toLowerCase()).register(registry));
        }
        deletedForAll = Counter.builder("roamdesk.deletions.for.all.messages")
                .description("Messages deleted for every participant by delete-conversation-with-messages jobs")
                .register(registry);
    }

    void ingested(Iterable<Outgoing> messages) {
        for (Outgoing m : messages) {
            ingested.get(m.origin()).increment();
        }
    }

    void deleted(DeletionKind kind) {
        deletions.get(kind).increment();
    }

    void deletedForAll(int messages) {
        deletedForAll.increment(messages);
    }
}
