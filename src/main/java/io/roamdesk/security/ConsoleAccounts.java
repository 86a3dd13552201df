package io.roamdesk.security;

import static io.roamdesk.jooq.Tables.CONSOLE_ACCOUNT;

import io.roamdesk.jooq.enums.ConsoleAccountRole;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts of the console, with hashed passwords and one role each. */
@Service
public class ConsoleAccounts implements UserDetailsService {

    public static final int MAX_FAILURES = 5;
    public static final java.time.Duration LOCKOUT = java.time.Duration.ofMinutes(15);

    private final DSLContext db;
    private final PasswordEncoder encoder;
    private final Clock clock;

    ConsoleAccounts(DSLContext db, PasswordEncoder encoder, Clock clock) {
        this.db = db;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional
    public void create(String username, String password, Role role) {
        create(username, password, role, false);
    }

    /** Creates an account; with {@code mustChangePassword} the password is temporary (changed at first sign-in). */
    @Transactional
    public void create(String username, String password, Role role, boolean mustChangePassword) {
        db.insertInto(CONSOLE_ACCOUNT)
                .set(CONSOLE_ACCOUNT.USERNAME, username)
                .set(CONSOLE_ACCOUNT.PASSWORD_HASH, encoder.encode(password))
                .set(CONSOLE_ACCOUNT.ROLE, ConsoleAccountRole.valueOf(role.name()))
                .set(CONSOLE_ACCOUNT.ENABLED, true)
                .set(CONSOLE_ACCOUNT.CREATED_AT, clock.millis())
                .set(CONSOLE_ACCOUNT.MUST_CHANGE_PASSWORD, mustChangePassword)
                .execute();
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return db.fetchExists(CONSOLE_ACCOUNT);
    }

    /** Whether the account still has a temporary password; the console lets it do nothing else until changed. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return db.select(CONSOLE_ACCOUNT.MUST_CHANGE_PASSWORD).from(CONSOLE_ACCOUNT)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .fetchOptional(CONSOLE_ACCOUNT.MUST_CHANGE_PASSWORD).orElse(false);
    }

    /** Whether the account may still use the console (a disabled account's open session ends at its next step). */
    @Transactional(readOnly = true)
    public boolean isEnabled(String username) {
        return db.select(CONSOLE_ACCOUNT.ENABLED).from(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .fetchOptional(CONSOLE_ACCOUNT.ENABLED).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return db.fetchExists(CONSOLE_ACCOUNT, CONSOLE_ACCOUNT.USERNAME.eq(username));
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = db.selectFrom(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username)).fetchOne();
        if (account == null) {
            throw new UsernameNotFoundException("no such console account");
        }
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .roles(Role.valueOf(account.getRole().getLiteral()).granted().toArray(String[]::new))
                .disabled(!account.getEnabled())
                .accountLocked(account.getLockedUntil() > clock.millis())
                .build();
    }

    /** Counts a failed sign-in; the {@value #MAX_FAILURES}th in a row locks the account for a while. */
    @Transactional
    public boolean recordFailure(String username) {
        var account = db.selectFrom(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username)).forUpdate().fetchOne();
        if (account == null) {
            return false;
        }
        int failures = account.getFailedSignIns() + 1;
        boolean lock = failures >= MAX_FAILURES;
        db.update(CONSOLE_ACCOUNT)
                .set(CONSOLE_ACCOUNT.FAILED_SIGN_INS, lock ? 0 : failures)
                .set(CONSOLE_ACCOUNT.LOCKED_UNTIL, lock ? clock.millis() + LOCKOUT.toMillis() : account.getLockedUntil())
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .execute();
        return lock;
    }

    @Transactional
    public void recordSuccess(String username) {
        db.update(CONSOLE_ACCOUNT)
                .set(CONSOLE_ACCOUNT.FAILED_SIGN_INS, 0)
                .set(CONSOLE_ACCOUNT.LOCKED_UNTIL, 0L)
                .where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .execute();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Role> roleOf(String username) {
        return db.select(CONSOLE_ACCOUNT.ROLE).from(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq(username))
                .fetchOptional(CONSOLE_ACCOUNT.ROLE).map(r -> Role.valueOf(r.getLiteral()));
    }
}
