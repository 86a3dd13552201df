package io.roamdesk.users;

import static io.roamdesk.jooq.Tables.APP_USER;
import static io.roamdesk.jooq.Tables.USER_TOKEN;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** {@code app_user} and {@code user_token}; every statement is keyed by app + username. */
@Repository
class EndUserRepository {

    private final DSLContext db;

    EndUserRepository(DSLContext db) {
        this.db = db;
    }

    Optional<EndUser> find(long appId, String username) {
        return db.select(APP_USER.USERNAME, APP_USER.CREATED_AT, APP_USER.MODIFIED_AT, APP_USER.ACTIVATED,
                        APP_USER.PASSWORD_HASH)
                .from(APP_USER).where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> user(appId, r));
    }

    /** The row locked for a change of its password or its deletion. */
    Optional<EndUser> lock(long appId, String username) {
        return db.select(APP_USER.USERNAME, APP_USER.CREATED_AT, APP_USER.MODIFIED_AT, APP_USER.ACTIVATED,
                        APP_USER.PASSWORD_HASH)
                .from(APP_USER).where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.eq(username))
                .forUpdate()
                .fetchOptional(r -> user(appId, r));
    }

    Optional<String> passwordHash(long appId, String username) {
        return db.select(APP_USER.PASSWORD_HASH).from(APP_USER)
                .where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.eq(username))
                .and(APP_USER.ACTIVATED.isTrue())
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    void insert(long appId, String username, String passwordHash, long now) {
        db.insertInto(APP_USER)
                .set(APP_USER.APP_ID, appId)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.MODIFIED_AT, now)
                .set(APP_USER.ACTIVATED, true)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .execute();
    }

    void setPassword(long appId, String username, String passwordHash, long now) {
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MODIFIED_AT, now)
                .where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.eq(username))
                .execute();
    }

    void delete(long appId, String username) {
        db.deleteFrom(APP_USER).where(APP_USER.APP_ID.eq(appId)).and(APP_USER.USERNAME.eq(username)).execute();
    }

    void insertToken(long appId, String username, String tokenHash, long issuedAt, long expiresAt) {
        db.insertInto(USER_TOKEN)
                .set(USER_TOKEN.APP_ID, appId)
                .set(USER_TOKEN.USERNAME, username)
                .set(USER_TOKEN.TOKEN_HASH, tokenHash)
                .set(USER_TOKEN.ISSUED_AT, issuedAt)
                .set(USER_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    boolean tokenValid(long appId, String username, String tokenHash, long now) {
        return db.fetchExists(db.selectOne().from(USER_TOKEN)
                .where(USER_TOKEN.APP_ID.eq(appId)).and(USER_TOKEN.USERNAME.eq(username))
                .and(USER_TOKEN.TOKEN_HASH.eq(tokenHash)).and(USER_TOKEN.EXPIRES_AT.gt(now)));
    }

    int deleteTokens(long appId, String username) {
        return db.deleteFrom(USER_TOKEN).where(USER_TOKEN.APP_ID.eq(appId)).and(USER_TOKEN.USERNAME.eq(username))
                .execute();
    }

    private static EndUser user(long appId, Record r) {
        long created = r.get(APP_USER.CREATED_AT);
        Long modified = r.get(APP_USER.MODIFIED_AT);
        return new EndUser(appId, r.get(APP_USER.USERNAME), created, modified == null ? created : modified,
                Boolean.TRUE.equals(r.get(APP_USER.ACTIVATED)), r.get(APP_USER.PASSWORD_HASH) != null);
    }
}
