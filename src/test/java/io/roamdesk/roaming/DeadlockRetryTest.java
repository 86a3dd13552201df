package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request the database picks as a deadlock victim runs again instead of failing: InnoDB rolls
 * back the lighter of two transactions that wait for each other, and which requests meet that way
 * depends on the server's plans (MariaDB 10.11 updates a conversation row through a secondary
 * index, which is how a read marker and a one-way deletion met in CI).
 */
@IntegrationTest
class DeadlockRetryTest {

    @Autowired
    TestApps testApps;
    @Autowired
    GroupService groups;
    @Autowired
    BigGroups bigGroups;
    @Autowired
    UserDirectoryRepository userDirectory;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aJoinThatLosesADeadlockRunsAgainAndJoins() throws Exception {
        App app = testApps.create(AppSettings.defaults().withRoaming(true));
        groups.createGroup(app, "crowd", "Crowd", "ann", List.of("ben"));
        ExecutorService joiner = Executors.newSingleThreadExecutor();
        Future<?> joined = new TransactionTemplate(transactions).execute(status -> {
            // heavier than the join (30 new rows against its one): InnoDB rolls the join back, not this
            userDirectory.ensureUsers(app.appId(), IntStream.range(0, 30).mapToObj(i -> "weight" + i).toList(), 0L);
            bigGroups.lock(app, "crowd");
            // the join registers its new user, then waits for the group's state
            Future<?> join = joiner.submit(() -> groups.addMembers(app, "crowd", List.of("newbie")));
            awaitLockWait(join);
            userDirectory.ensureUsers(app.appId(), List.of("newbie"), 0L); // each now waits for the other: the join is the victim
            return join;
        });
        joined.get(30, TimeUnit.SECONDS);
        joiner.shutdown();
        assertThat(groups.members(app, "crowd")).as("the join's second attempt").containsExactlyInAnyOrder("ann", "ben", "newbie");
        assertThat(db.fetchCount(APP_USER, APP_USER.APP_ID.eq(app.appId()))).as("the other transaction committed")
                .isEqualTo(33);
    }

    /**
     * Until the join waits for the state's lock, or it ended without waiting. Polled slower than
     * InnoDB refreshes the table: its cache is only renewed after 100 ms without a reader.
     */
    private void awaitLockWait(Future<?> join) {
        var trx = DSL.table(DSL.name("information_schema", "INNODB_TRX"));
        var state = DSL.field(DSL.name("trx_state"), String.class);
        var query = DSL.field(DSL.name("trx_query"), String.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        do {
            LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
            assertThat(join).as("the join waits for the group's state").isNotDone();
            assertThat(System.nanoTime()).as("the join waits for the group's state").isLessThan(deadline);
        } while (db.fetchCount(trx, state.eq("LOCK WAIT").and(query.like("%from `group_state`%for update"))) == 0);
    }
}
