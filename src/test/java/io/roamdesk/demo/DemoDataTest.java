package io.roamdesk.demo;

import static io.roamdesk.jooq.Tables.APP_USER;
import static io.roamdesk.jooq.Tables.CONSOLE_ACCOUNT;
import static io.roamdesk.jooq.Tables.CONVERSATION;
import static io.roamdesk.jooq.Tables.GROUP_MEMBER;
import static io.roamdesk.jooq.Tables.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;

import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import io.roamdesk.app.AppSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.roaming.PausingBulkLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoDataTest {

    @Autowired
    AppService apps;
    @Autowired
    DSLContext db;
    @Autowired
    DataSetGenerator generator;
    @Autowired
    TestApps testApps;
    @Autowired
    io.roamdesk.support.Chats chats;
    @Autowired
    ObjectMapper json;

    @Test
    void theDemoAppsHaveTheDocumentedSwitches() {
        App roaming = apps.require(DemoDataLoader.ROAMING_APP);
        App plain = apps.require(DemoDataLoader.PLAIN_APP);
        assertThat(roaming.settings().roamingEnabled()).isTrue();
        assertThat(roaming.settings().oneWayDeleteEnabled()).isTrue();
        assertThat(plain.settings().roamingEnabled()).isFalse();
    }

    @Test
    void theDemoSetHasAboutAHundredThousandMessagesOfEveryBodyTypeOverMonths() {
        long appId = apps.require(DemoDataLoader.ROAMING_APP).appId();
        assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(appId))).isGreaterThanOrEqualTo(100_000);
        assertThat(db.select(countDistinct(MESSAGE.BODY_TYPE)).from(MESSAGE).where(MESSAGE.APP_ID.eq(appId))
                .fetchOne(0, Integer.class)).isEqualTo(8);
        var span = db.select(org.jooq.impl.DSL.min(MESSAGE.SERVER_TS), org.jooq.impl.DSL.max(MESSAGE.SERVER_TS))
                .from(MESSAGE).where(MESSAGE.APP_ID.eq(appId)).fetchOne();
        assertThat(span.value2() - span.value1()).isGreaterThan(90L * 86_400_000L);
        assertThat(db.fetchCount(APP_USER, APP_USER.APP_ID.eq(appId))).isBetween(200, 500);
        assertThat(db.select(count()).from(GROUP_MEMBER)
                .where(GROUP_MEMBER.APP_ID.eq(appId)).and(GROUP_MEMBER.GROUP_ID.eq("town-hall"))
                .fetchOne(0, Integer.class)).isEqualTo(500);
        // every member of the big group has it in their conversation list
        assertThat(db.fetchCount(CONVERSATION, CONVERSATION.APP_ID.eq(appId)
                .and(CONVERSATION.CONV_ID.eq("town-hall")))).isEqualTo(500);
    }

    @Test
    void thereIsOneConsoleAccountPerRole() {
        assertThat(db.select(CONSOLE_ACCOUNT.ROLE).from(CONSOLE_ACCOUNT)
                .where(CONSOLE_ACCOUNT.USERNAME.in("support", "admin", "auditor")).fetch(CONSOLE_ACCOUNT.ROLE))
                .extracting(Enum::name).containsExactlyInAnyOrder("SUPPORT", "APP_ADMIN", "AUDITOR");
    }

    @Test
    void theGeneratorIsDeterministicForASeedAndAnchor() {
        DataSetSpec small = new DataSetSpec(99L, 20, 5, 25, 3_000, 10, 5, 0.2);
        long anchor = 1_790_000_000_000L;
        App a = testApps.create(AppSettings.defaults());
        App b = testApps.create(AppSettings.defaults());
        generator.generate(a.appId(), small, anchor);
        generator.generate(b.appId(), small, anchor);
        var first = db.select(MESSAGE.MSG_ID, MESSAGE.CONV_KEY, MESSAGE.BODY).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(a.appId())).orderBy(MESSAGE.MSG_ID).fetch();
        var second = db.select(MESSAGE.MSG_ID, MESSAGE.CONV_KEY, MESSAGE.BODY).from(MESSAGE)
                .where(MESSAGE.APP_ID.eq(b.appId())).orderBy(MESSAGE.MSG_ID).fetch();
        assertThat(first).hasSize(3_000);
        assertThat(second.map(r -> r.value1() + r.value2() + r.value3()))
                .isEqualTo(first.map(r -> r.value1() + r.value2() + r.value3()));
    }

    @Test
    void aSendWhileTheSetIsLoadingKeepsItsPlaceAtTheTopOfTheList() throws Exception {
        App app = testApps.create(AppSettings.defaults().withRoaming(true));
        // the demo takes requests before its data is in: this send lands after the set's messages,
        // before its conversation index, which must not put an older loaded message on top of it
        PausingBulkLoader loader = new PausingBulkLoader(db);
        DataSetGenerator pausing = new DataSetGenerator(loader, json);
        var load = CompletableFuture.supplyAsync(() -> pausing.generate(app.appId(),
                new DataSetSpec(5L, 20, 3, 20, 2_000, 10, 5, 0.2), System.currentTimeMillis() - 60_000));
        long live;
        try {
            loader.awaitPaused();
            assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()))).as("the set's messages are in")
                    .isEqualTo(2_000);
            live = chats.text(app, "alice", "bob", "sent during the load");
            assertThat(load).as("the load is still running").isNotDone();
        } finally {
            loader.resume();
        }
        load.get(60, TimeUnit.SECONDS);
        assertThat(db.select(CONVERSATION.LAST_MSG_ID).from(CONVERSATION)
                .where(CONVERSATION.APP_ID.eq(app.appId())).and(CONVERSATION.OWNER.eq("alice"))
                .and(CONVERSATION.CONV_ID.eq("bob")).fetchOne(CONVERSATION.LAST_MSG_ID)).isEqualTo(live);
        assertThat(db.fetchCount(MESSAGE, MESSAGE.APP_ID.eq(app.appId()))).isEqualTo(2_001);
    }
}
