package io.roamdesk.security;

import static io.roamdesk.jooq.Tables.CONSOLE_ACCOUNT;

import io.roamdesk.jooq.enums.ConsoleAccountRole;
import io.roamdesk.jooq.tables.records.ConsoleAccountRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** {@code console_account}: staff accounts, keyed by username. */
@Repository
class ConsoleAccountRepository {

    private final DSLContext db;

    ConsoleAccountRepository(DSLContext db) {
        this.db = db;
    }

    /** An account's role and whether it is enabled. */
    record Standing(ConsoleAccountRole role, boolean enabled) {
    }

    void insert(String username, String passwordHash, Role role, long createdAt, boolean mustChangePassword) {
        db.insertInto(CONSOLE_ACCOUNT)
                .set(CONSOLE_ACCOUNT.USERNAME, username)
                .set(CONSOLE_ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(CONSOLE_ACCOUNT.ROLE, ConsoleAccountRole.valueOf(role.name()))
                .set(CONSOLE_ACCOUNT.ENABLED, true)
                .set(CONSOLE_ACCOUNT.CREATED_AT, createdAt)
                .set(CONSOLE_ACCOUNT.MUST_CHANGE_PASSWORD, mustChangePassword)
                .execute();
    }

    boolean anyExists() {
        return db.fetchExists(CONSOLE_ACCOUNT);
    }

    boolean exists(String username) {
        return db.fetchExists(CONSOLE_ACCOUNT, CONSOLE_ACCOUNT.USERNAME.eq(username));
    }

    @Nullable ConsoleAccountRecord find(String username) {
        return db.selectFrom(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username)).fetchOne();
    }

    /** The account, locked until the end of the transaction. */
    @Nullable ConsoleAccountRecord lock(String username) {
        return db.selectFrom(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username)).forUpdate().fetchOne();
    }

    List<ConsoleAccountRecord> allByName() {
        return db.selectFrom(CONSOLE_ACCOUNT).orderBy(CONSOLE_ACCOUNT.USERNAME).fetch();
    }

    Optional<Boolean> mustChangePassword(String username) {
        return db.select(CONSOLE_ACCOUNT.MUST_CHANGE_PASSWORD).from(CONSOLE_ACCOUNT)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .fetchOptional(CONSOLE_ACCOUNT.MUST_CHANGE_PASSWORD);
    }

    Optional<Boolean> enabled(String username) {
        return db.select(CONSOLE_ACCOUNT.ENABLED).from(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .fetchOptional(CONSOLE_ACCOUNT.ENABLED);
    }

    Optional<ConsoleAccountRole> role(String username) {
        return db.select(CONSOLE_ACCOUNT.ROLE).from(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .fetchOptional(CONSOLE_ACCOUNT.ROLE);
    }

    Optional<Standing> standing(String username) {
        return db.select(CONSOLE_ACCOUNT.ROLE, CONSOLE_ACCOUNT.ENABLED).from(CONSOLE_ACCOUNT)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username)).fetchOptional(r -> new Standing(r.value1(), r.value2()));
    }

    void setSignInFailures(String username, int failures, long lockedUntil) {
        db.update(CONSOLE_ACCOUNT)
                .set(CONSOLE_ACCOUNT.FAILED_SIGN_INS, failures)
                .set(CONSOLE_ACCOUNT.LOCKED_UNTIL, lockedUntil)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .execute();
    }

    void setEnabled(String username, boolean enabled) {
        db.update(CONSOLE_ACCOUNT).set(CONSOLE_ACCOUNT.ENABLED, enabled)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username)).execute();
    }

    /** A new password hash; with {@code mustChange} the password is temporary. */
    void setPassword(String username, String passwordHash, boolean mustChange) {
        db.update(CONSOLE_ACCOUNT)
                .set(CONSOLE_ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(CONSOLE_ACCOUNT.MUST_CHANGE_PASSWORD, mustChange)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .execute();
    }
}
