package io.roamdesk.console.deletion;

import io.roamdesk.console.support.Feedback;
import io.roamdesk.roaming.ListChange;
import java.util.ArrayList;
import java.util.List;

/** The preview lines saying which conversations a deletion takes out of whose list, and why. */
public final class ListChangeLines {

    static final int MAX_LINES = 10;

    private ListChangeLines() {
    }

    /** One line per conversation leaving a list (at most ten, then a count); one line when none does. */
    public static List<String> of(List<ListChange> leaves, String owner) {
        List<String> lines = new ArrayList<>();
        if (leaves.isEmpty()) {
            lines.add(Feedback.translate("delete.leaves.none", owner));
            return lines;
        }
        for (ListChange c : leaves.subList(0, Math.min(MAX_LINES, leaves.size()))) {
            lines.add(Feedback.translate("delete.leaves." + c.after().name(), c.owner(), c.convId()));
        }
        if (leaves.size() > MAX_LINES) {
            lines.add(Feedback.translate("delete.leaves.more", leaves.size() - MAX_LINES));
        }
        return lines;
    }
}
