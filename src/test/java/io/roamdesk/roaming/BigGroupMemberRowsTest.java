package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CONVERSATION;
import static org.assertj.core.api.Assertions.assertThat;

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
}
