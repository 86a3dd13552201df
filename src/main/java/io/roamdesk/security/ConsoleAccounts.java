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
        db.insertInto(CONSOLE_ACCOUNT)
                .set(CONSOLE_ACCOUNT.USERNAME, username)
                .set(CONSOLE_ACCOUNT.PASSWORD_HASH, encoder.encode(password))
                .set(CONSOLE_ACCOUNT.ROLE, ConsoleAccountRole.valueOf(role.name()))
                .set(CONSOLE_ACCOUNT.ENABLED, true)
                .set(CONSOLE_ACCOUNT.CREATED_AT, clock.millis())
                .execute();
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
                .roles(account.getRole().getLiteral())
                .disabled(!account.getEnabled())
                .build();
    }
}
