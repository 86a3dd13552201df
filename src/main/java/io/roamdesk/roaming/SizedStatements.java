package io.roamdesk.roaming;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The id lists of the roaming statements rendered once per size ({@link io.roamdesk.core.SizedStatement}). */
final class SizedStatements {

    /** The most ids one such statement lists: a delete's whole list, so a delete by ids runs each statement once. */
    static final int MAX = Limits.MAX_DELETE_IDS;

    private SizedStatements() {
    }

    /** The ids in parts of at most {@link #MAX}, in their order. */
    static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX) {
            parts.add(all.subList(from, Math.min(all.size(), from + MAX)));
        }
        return parts;
    }

    /** The fixed binds, then the ids. */
    static Object[] binds(List<Object> fixed, List<Long> ids) {
        List<Object> all = new ArrayList<>(fixed);
        all.addAll(ids);
        return all.toArray();
    }
}
