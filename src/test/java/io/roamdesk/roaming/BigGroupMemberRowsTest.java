package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.app.App;
import io.roamdesk.jooq.enums.ConversationChatType;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statements over all member rows of a group of the largest size finish within the statement
 * timeout: one statement over 2,000 (owner, group) pairs kept MariaDB's range analysis busy for
 * seconds, and the benchmark's concurrent sends to a 2,000-member group timed out on it.
 */
@IntegrationTest
class BigGroupMemberRowsTest {

    private static final String GROUP = "town-hall";

    @Autowired
    FollowingRepository following;
    @Autowired
    TestApps testApps;
    @Autowired
    DSLContext db;
    @Autowired
    GroupService groups;
    @Autowired
    GroupRepository groupRows;

    @Test
    void aLateArrivalAndASettleReachEveryRowOfA2000MemberGroup() {
        App app = testApps.createRoaming();
        List<String> members = IntStream.range(0, 2_000).mapToObj(i -> String.format("member%05d", i)).toList();
        var insert = db.insertInto(CONVERSATION, CONVERSATION.APP_ID, CONVERSATION.OWNER, CONVERSATION.CHAT_TYPE,
                CONVERSATION.CONV_ID, CONVERSATION.CONV_KEY, CONVERSATION.LAST_MSG_ID, CONVERSATION.FOLLOW_FROM_MSG_ID);
        for (String m : members) {
            insert = insert.values(app.appId(), m, ConversationChatType.groupchat, GROUP, ConvKeys.group(GROUP), 100L, 100L)
                    .values(app.appId(), m, ConversationChatType.chat, "peer", ConvKeys.single(m, "peer"), 100L, null);
        }
        insert.execute();

        // message 90 committed after a settle moved every row past it
        assertThat(following.arrivedLate(app.appId(), GROUP, members, 90L, Origin.SDK)).isEqualTo(2_000);
        assertThat(db.fetchCount(CONVERSATION, CONVERSATION.APP_ID.eq(app.appId())
                .and(CONVERSATION.CONV_ID.eq(GROUP)).and(CONVERSATION.LATEST_VISIBLE_MSG_ID.eq(90L)))).isEqualTo(2_000);

        assertThat(following.settle(app.appId(), GROUP, members, 120L, Origin.SDK)).isEqualTo(2_000);
        assertThat(db.fetchCount(CONVERSATION, CONVERSATION.APP_ID.eq(app.appId()).and(CONVERSATION.CONV_ID.eq(GROUP))
                .and(CONVERSATION.LATEST_VISIBLE_MSG_ID.eq(120L)).and(CONVERSATION.FOLLOW_FROM_MSG_ID.eq(120L)))).isEqualTo(2_000);
        // nobody else's rows changed
        assertThat(db.fetchCount(CONVERSATION, CONVERSATION.APP_ID.eq(app.appId())
                .and(CONVERSATION.CONV_ID.eq("peer")).and(CONVERSATION.LATEST_VISIBLE_MSG_ID.isNotNull()))).isZero();
    }

    @Test
    void aGroupNeverGrowsPast3000Members() {
        App app = testApps.createRoaming();
        List<String> members = IntStream.range(1, GroupService.MAX_MEMBERS - 1).mapToObj(i -> String.format("member%05d", i)).toList();
        groups.createGroup(app, GROUP, "Town hall", "owner", members); // 2,999 with the owner
        groups.addMembers(app, GROUP, List.of("newcomer0"));

        assertThatThrownBy(() -> groups.addMembers(app, GROUP, List.of("newcomer1", "newcomer2")))
                .isInstanceOf(io.roamdesk.core.RoamdeskException.class).hasMessageContaining("at most 3000 members")
                .hasMessageContaining("has 3000");
        assertThat(groupRows.members(app.appId(), GROUP)).hasSize(GroupService.MAX_MEMBERS).doesNotContain("newcomer1");
        // someone who is a member already adds nothing
        groups.addMembers(app, GROUP, List.of("member00001"));
        assertThat(groupRows.members(app.appId(), GROUP)).hasSize(GroupService.MAX_MEMBERS);
    }
}
