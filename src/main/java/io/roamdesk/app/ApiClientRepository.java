package io.roamdesk.app;

import static io.roamdesk.jooq.Tables.API_CLIENT;
import static io.roamdesk.jooq.Tables.API_TOKEN;

import io.roamdesk.jooq.tables.records.ApiClientRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** {@code api_client} and {@code api_token}: every statement keyed by app (+ client or token hash). */
@Repository
class ApiClientRepository {

    private final DSLContext db;

    ApiClientRepository(DSLContext db) {
        this.db = db;
    }

    /** A token's client and expiry, while it is valid. */
    record ValidToken(String clientId, long expiresAt) {
    }

    @Nullable ApiClientRecord find(long appId, String clientId) {
        return db.selectFrom(API_CLIENT)
                .where(API_CLIENT.APP_ID.eq(appId)).and(API_CLIENT.CLIENT_ID.eq(clientId))
                .fetchOne();
    }

    /** The client, locked until the end of the transaction. */
    @Nullable ApiClientRecord lock(long appId, String clientId) {
        return db.selectFrom(API_CLIENT)
                .where(API_CLIENT.APP_ID.eq(appId)).and(API_CLIENT.CLIENT_ID.eq(clientId))
                .forUpdate().fetchOne();
    }

    List<ApiClientRecord> clientsByAge(long appId) {
        return db.selectFrom(API_CLIENT).where(API_CLIENT.APP_ID.eq(appId))
                .orderBy(API_CLIENT.CREATED_AT, API_CLIENT.CLIENT_ID).fetch();
    }

    List<String> clientIds(long appId) {
        return db.select(API_CLIENT.CLIENT_ID).from(API_CLIENT).where(API_CLIENT.APP_ID.eq(appId))
                .orderBy(API_CLIENT.CLIENT_ID).fetch(API_CLIENT.CLIENT_ID);
    }

    void insertClient(long appId, String clientId, String secretHash, String description, long now) {
        db.insertInto(API_CLIENT)
                .set(API_CLIENT.APP_ID, appId)
                .set(API_CLIENT.CLIENT_ID, clientId)
                .set(API_CLIENT.SECRET_HASH, secretHash)
                .set(API_CLIENT.DESCRIPTION, description)
                .set(API_CLIENT.REVOKED, false)
                .set(API_CLIENT.CREATED_AT, now)
                .execute();
    }

    /** The new secret; the previous one keeps working until {@code previousUntil}. */
    void rotateSecret(long appId, String clientId, String previousHash, long previousUntil, String secretHash) {
        db.update(API_CLIENT)
                .set(API_CLIENT.PREVIOUS_SECRET_HASH, previousHash)
                .set(API_CLIENT.PREVIOUS_SECRET_UNTIL, previousUntil)
                .set(API_CLIENT.SECRET_HASH, secretHash)
                .where(API_CLIENT.APP_ID.eq(appId)).and(API_CLIENT.CLIENT_ID.eq(clientId))
                .execute();
    }

    /** Disables or enables the client; either way the previous secret's grace ends. */
    void setDisabled(long appId, String clientId, boolean disabled) {
        db.update(API_CLIENT).set(API_CLIENT.REVOKED, disabled)
                .set(API_CLIENT.PREVIOUS_SECRET_UNTIL, 0L)
                .where(API_CLIENT.APP_ID.eq(appId)).and(API_CLIENT.CLIENT_ID.eq(clientId))
                .execute();
    }

    void insertToken(long appId, String tokenHash, String clientId, long issuedAt, long expiresAt) {
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.APP_ID, appId)
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.CLIENT_ID, clientId)
                .set(API_TOKEN.ISSUED_AT, issuedAt)
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    Optional<ValidToken> validToken(long appId, String tokenHash, long now) {
        return db.select(API_TOKEN.CLIENT_ID, API_TOKEN.EXPIRES_AT).from(API_TOKEN)
                .where(API_TOKEN.APP_ID.eq(appId))
                .and(API_TOKEN.TOKEN_HASH.eq(tokenHash))
                .and(API_TOKEN.EXPIRES_AT.gt(now))
                .fetchOptional(r -> new ValidToken(r.value1(), r.value2()));
    }

    int deleteTokens(long appId, String clientId) {
        return db.deleteFrom(API_TOKEN)
                .where(API_TOKEN.APP_ID.eq(appId)).and(API_TOKEN.CLIENT_ID.eq(clientId))
                .execute();
    }
}
