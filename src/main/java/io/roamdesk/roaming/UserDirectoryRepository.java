package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.APP_USER;

import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * {@code app_user} as roaming needs it: registering the users messages name, and the console's
 * lookup of users by name. Keyed by app + username.
 */
@Repository
class UserDirectoryRepository {

    private final DSLContext db;

    UserDirectoryRepository(DSLContext db) {
        this.db = db;
    }

    void ensureUsers(long appId, Collection<String> usernames, long now) {
        var insert = db.insertInto(APP_USER, APP_USER.APP_ID, APP_USER.USERNAME, APP_USER.CREATED_AT);
        for (String u : new java.util.TreeSet<>(usernames)) {
            insert = insert.values(appId, u, now);
        }
        insert.onDuplicateKeyIgnore().execute();
    }

    boolean userExists(long appId, String username) {
        return db.fetchExists(APP_USER, APP_USER.APP_ID.eq(appId).and(APP_USER.USERNAME.eq(username)));
    }

    List<String> usernamesStartingWith(long appId, String prefix, int limit) {
        return db.select(APP_USER.USERNAME).from(APP_USER)
                .where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.startsWith(prefix))
                .orderBy(APP_USER.USERNAME).limit(limit)
                .fetch(APP_USER.USERNAME);
    }
}
