package io.roamdesk.app;

import static io.roamdesk.jooq.Tables.CONSOLE_ACCOUNT;
import static io.roamdesk.jooq.Tables.CONSOLE_ACCOUNT_APP;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Which apps a console account may act on: its all-apps flag and its listed apps, keyed by account. */
@Repository
class AccountScopeRepository {

    private final DSLContext db;

    AccountScopeRepository(DSLContext db) {
        this.db = db;
    }

    /** The all-apps flag of an enabled account; empty for an unknown or disabled one. */
    Optional<Boolean> allAppsOfEnabled(String username) {
        return db.select(CONSOLE_ACCOUNT.ALL_APPS).from(CONSOLE_ACCOUNT)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username)).and(CONSOLE_ACCOUNT.ENABLED.isTrue())
                .fetchOptional(CONSOLE_ACCOUNT.ALL_APPS);
    }

    List<Long> listedApps(String username) {
        return db.select(CONSOLE_ACCOUNT_APP.APP_ID).from(CONSOLE_ACCOUNT_APP)
                .where(CONSOLE_ACCOUNT_APP.USERNAME.eq(username)).fetch(CONSOLE_ACCOUNT_APP.APP_ID);
    }

    boolean accountExists(String username) {
        return db.fetchExists(CONSOLE_ACCOUNT, CONSOLE_ACCOUNT.USERNAME.eq(username));
    }

    /** Answers how many accounts it changed (0: no such account). */
    int setAllApps(String username, boolean allApps) {
        return db.update(CONSOLE_ACCOUNT).set(CONSOLE_ACCOUNT.ALL_APPS, allApps)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username)).execute();
    }

    void replaceListedApps(String username, Iterable<Long> appIds) {
        db.deleteFrom(CONSOLE_ACCOUNT_APP).where(CONSOLE_ACCOUNT_APP.USERNAME.eq(username)).execute();
        for (long id : appIds) {
            db.insertInto(CONSOLE_ACCOUNT_APP).set(CONSOLE_ACCOUNT_APP.USERNAME, username)
                    .set(CONSOLE_ACCOUNT_APP.APP_ID, id).execute();
        }
    }
}
