package io.roamdesk.roaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.Setting;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One rule decides whether a conversation is in the client's list: the console's "listed" state
 * (and its reason when not listed) and the deletion previews' forecasts agree with the REST list.
 */
@IntegrationTest
class ListingTest {

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    ConversationService conversations;
    @Autowired
    DeletionService deletions;
    @Autowired
    AppService apps;

    /** The client's list, walked with the cursor form. */
    private List<String> restList(App app, String owner) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            ConversationPage p = conversations.cursorPage(app, owner, cursor, 2);
            p.conversations().forEach(c -> out.add(c.convId()));
            cursor = p.nextCursor();
        } while (!cursor.isEmpty());
        return out;
    }

    /** The console's view with "show conversations hidden by deletions" on, in small pages. */
    private Map<String, Listing> console(App app, String owner) {
        Map<String, Listing> out = new LinkedHashMap<>();
        String cursor = null;
        do {
            ConversationPage p = conversations.consolePage(app, owner, cursor, 3, true);
            p.conversations().forEach(c -> out.put(c.convId(), c.listing()));
            cursor = p.nextCursor();
        } while (!cursor.isEmpty());
        return out;
    }

    private static List<String> listedIn(Map<String, Listing> console) {
        return console.entrySet().stream().filter(e -> e.getValue().listed()).map(Map.Entry::getKey).toList();
    }

    @Test
    void theConsolesListedStateIsMembershipInTheRestListAndNamesWhyARowIsNot() {
        App app = testApps.createRoaming();
        app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.CONVERSATION_CAP, "5", "admin", "test");
        for (int i = 0; i < 6; i++) {
            chats.text(app, "p" + i, "alice", "hello " + i);
        }
        chats.text(app, "alice", "bob", "from the phone");
        chats.send(app, "bob", ChatType.CHAT, "alice", "sent by the backend", Origin.REST);
        chats.text(app, "alice", "carol", "hi carol");
        deletions.deleteConversation(app, ConversationRef.of("alice", ChatType.CHAT, "carol"), false, n -> { });
        long toDave = chats.text(app, "alice", "dave", "hi dave");
        deletions.deleteByIds(app, ConversationRef.of("alice", ChatType.CHAT, "dave"), List.of(toDave));

        Map<String, Listing> console = console(app, "alice");
        assertThat(listedIn(console)).containsExactlyElementsOf(restList(app, "alice"));
        assertThat(console).containsEntry("bob", Listing.REST_LATEST)
                .containsEntry("carol", Listing.DELETED)
                .containsEntry("dave", Listing.NOTHING_VISIBLE)
                .containsEntry("p0", Listing.OVER_CAP)
                .containsEntry("p1", Listing.LISTED)
                .containsEntry("p5", Listing.LISTED);
        assertThat(listedIn(console)).hasSize(5);

        App restIn = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.REST_IN_LIST, "true", "admin", "test");
        Map<String, Listing> after = console(restIn, "alice");
        assertThat(listedIn(after)).containsExactlyElementsOf(restList(restIn, "alice"));
        assertThat(after).containsEntry("bob", Listing.LISTED).containsEntry("p1", Listing.OVER_CAP);
    }

    @Test
    void deletingTwoOfAlicesMessagesForecastsThatBobLeavesHerListBecauseTheNewestLeftIsRestSent() {
        App app = testApps.createRoaming();
        chats.send(app, "bob", ChatType.CHAT, "alice", "order shipped", Origin.REST);
        long one = chats.text(app, "alice", "bob", "thanks");
        long two = chats.text(app, "alice", "bob", "see you");
        var ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        assertThat(restList(app, "alice")).containsExactly("bob");

        assertThat(deletions.previewByIds(app, ref, List.of(one)).leaves()).as("the newest message stays").isEmpty();
        var preview = deletions.previewByIds(app, ref, List.of(one, two));
        assertThat(preview.messages()).isEqualTo(2);
        assertThat(preview.leaves()).containsExactly(new ListChange("alice", "bob", ChatType.CHAT, Listing.REST_LATEST));

        deletions.deleteByIds(app, ref, List.of(one, two));
        assertThat(restList(app, "alice")).isEmpty();
        assertThat(restList(app, "bob")).as("bob's own list is not touched").containsExactly("alice");
    }

    @Test
    void everyKindOfDeletionForecastsWhatLeavesWhoseListAndTheForecastComesTrue() throws InterruptedException {
        App app = testApps.createRoaming();
        long early = chats.text(app, "alice", "bob", "early");
        Thread.sleep(3); // "late" in a later millisecond than "early": delete-by-time cuts at milliseconds
        chats.text(app, "bob", "alice", "late");
        chats.text(app, "alice", "carol", "to carol");
        var bob = ConversationRef.of("alice", ChatType.CHAT, "bob");
        var carol = ConversationRef.of("alice", ChatType.CHAT, "carol");

        var byTime = deletions.previewBefore(app, bob, io.roamdesk.core.Snowflake.timestampOf(early));
        assertThat(byTime.leaves()).as("a later message stays visible").isEmpty();
        var all = deletions.previewBefore(app, bob, System.currentTimeMillis());
        assertThat(all.leaves()).containsExactly(new ListChange("alice", "bob", ChatType.CHAT, Listing.NOTHING_VISIBLE));

        var listOnly = deletions.previewConversation(app, carol, false);
        assertThat(listOnly.leaves()).containsExactly(new ListChange("alice", "carol", ChatType.CHAT, Listing.DELETED));

        var forAll = deletions.previewConversation(app, bob, true);
        assertThat(forAll.leaves()).containsExactlyInAnyOrder(
                new ListChange("alice", "bob", ChatType.CHAT, Listing.DELETED),
                new ListChange("bob", "alice", ChatType.CHAT, Listing.NOTHING_VISIBLE));

        var clear = deletions.previewClearAll(app, "alice");
        assertThat(clear.leaves()).extracting(ListChange::convId).containsExactly("carol", "bob");
        assertThat(clear.leaves()).extracting(ListChange::after).containsOnly(Listing.NOTHING_VISIBLE);

        deletions.deleteConversation(app, bob, true, n -> { });
        assertThat(restList(app, "alice")).containsExactly("carol");
        assertThat(restList(app, "bob")).isEmpty();
        deletions.clearAll(app, "alice");
        assertThat(restList(app, "alice")).isEmpty();
    }
}
