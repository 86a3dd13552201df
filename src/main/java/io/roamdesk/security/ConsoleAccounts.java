package io.roamdesk.security;

import java.time.Clock;
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

    private final ConsoleAccountRepository rows;
    private final PasswordEncoder encoder;
    private final Clock clock;

    ConsoleAccounts(ConsoleAccountRepository rows, PasswordEncoder encoder, Clock clock) {
        this.rows = rows;
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
        rows.insert(username, encoder.encode(password), role, clock.millis(), mustChangePassword);
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return rows.anyExists();
    }

    /** Whether the account still has a temporary password; the console lets it do nothing else until changed. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return rows.mustChangePassword(username).orElse(false);
    }

    /** Whether the account may still use the console (a disabled account's open session ends at its next step). */
    @Transactional(readOnly = true)
    public boolean isEnabled(String username) {
        return rows.enabled(username).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return rows.exists(username);
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = rows.find(username);
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
        var account = rows.lock(username);
        if (account == null) {
            return false;
        }
        int failures = account.getFailedSignIns() + 1;
        boolean lock = failures >= MAX_FAILURES;
        rows.setSignInFailures(username, lock ? 0 : failures,
                lock ? clock.millis() + LOCKOUT.toMillis() : account.getLockedUntil());
        return lock;
    }

    @Transactional
    public void recordSuccess(String username) {
        rows.setSignInFailures(username, 0, 0L);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Role> roleOf(String username) {
        return rows.role(username).map(r -> Role.valueOf(r.getLiteral()));
    }
}
