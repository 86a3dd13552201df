package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.core.Snowflake;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history invariant, on generated cases: for any mix of messages, one-way deletions (by ids and
 * by time) and page sizes, walking the cursor returns exactly the messages visible to the owner, in
 * order, without duplicates or gaps, also while new messages arrive between pages.
 */
@JqwikSpringSupport
@IntegrationTest
class HistoryWalkPropertyTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    HistoryService history;
    @Autowired
    DeletionService deletions;

    /** One generated case: who sends each message, what alice deletes, how she pages. */
    record Scenario(List<Boolean> aliceSends, Set<Integer> deletedIds, int deletedBefore, int pageSize,
            Direction direction, int arrivalsPerPage) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Boolean>> senders = Arbitraries.of(true, false).list().ofMinSize(0).ofMaxSize(120);
        return senders.flatMap(s -> Combinators.combine(
                Arbitraries.just(s),
                Arbitraries.integers().between(0, Math.max(0, s.size() - 1)).set().ofMaxSize(Math.min(50, s.size())),
                Arbitraries.integers().between(-1, Math.max(-1, s.size() - 1)).withDistribution(
                        net.jqwik.api.RandomDistribution.uniform()),
                Arbitraries.integers().between(1, 50),
                Arbitraries.of(Direction.class),
                Arbitraries.integers().between(0, 3)).as(Scenario::new));
    }

    @Property(tries = 30)
    void walkingTheCursorReturnsExactlyTheVisibleMessages(@ForAll("scenarios") Scenario s) {
        App app = testApps.createRoaming();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < s.aliceSends().size(); i++) {
            boolean alice = s.aliceSends().get(i);
            ids.add(chats.text(app, alice ? "alice" : "bob", alice ? "bob" : "alice", "m" + i));
        }
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        Set<Long> hidden = new HashSet<>();
        s.deletedIds().forEach(i -> hidden.add(ids.get(i)));
        if (!hidden.isEmpty()) {
            deletions.deleteByIds(app, ref, new ArrayList<>(hidden));
        }
        long cutTime = -1;
        if (s.deletedBefore() >= 0 && !ids.isEmpty()) {
            cutTime = Snowflake.timestampOf(ids.get(s.deletedBefore()));
            deletions.deleteBefore(app, ref, cutTime);
        }
        List<Long> expected = new ArrayList<>();
        for (Long id : ids) {
            if (!hidden.contains(id) && Snowflake.timestampOf(id) > cutTime) {
                expected.add(id);
            }
        }

        List<Long> walked = new ArrayList<>();
        List<Long> arrived = new ArrayList<>();
        HistoryRequest req = new HistoryRequest("alice", ChatType.CHAT, "bob", null, null, s.direction(), s.pageSize(),
                HistoryFilter.none());
        int pages = 0;
        while (true) {
            HistoryPage page = history.fetch(app, req);
            page.messages().forEach(m -> walked.add(m.msgId()));
            assertThat(page.messages().size()).isLessThanOrEqualTo(s.pageSize());
            if (page.isLast()) {
                break;
            }
            assertThat(++pages).as("the walk ends").isLessThan(500);
            // arrivals during the first pages only, so that a DOWN walk can catch up with them
            for (int k = 0; pages <= 5 && k < s.arrivalsPerPage(); k++) {
                arrived.add(chats.text(app, "bob", "alice", "late " + k));
            }
            req = req.withCursor(page.nextCursor());
        }
        if (s.direction() == Direction.UP) {
            // newer arrivals are above where the walk started: they belong to a later walk
            java.util.Collections.reverse(expected);
            assertThat(walked).isEqualTo(expected);
        } else {
            expected.addAll(arrived);
            assertThat(walked).isEqualTo(expected);
        }
    }
}
