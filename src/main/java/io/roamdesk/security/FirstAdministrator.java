package io.roamdesk.security;

import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditOutcome;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditTrail;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's way in: on a database without any console account, the settings
 * {@code roamdesk.bootstrap-admin.username} / {@code .password} (environment
 * {@code ROAMDESK_BOOTSTRAP_ADMIN_USERNAME} / {@code _PASSWORD}) create one platform administrator
 * whose password is temporary. Once any account exists the settings are ignored. Runs after the
 * other start-up runners (a demo run creates its accounts first).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class FirstAdministrator implements ApplicationRunner {

    public enum Outcome { CREATED, ACCOUNTS_EXIST, NOT_CONFIGURED }

    static final Actor BOOTSTRAP = new Actor("bootstrap-settings", "SYSTEM");
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final ConsoleAccounts accounts;
    private final AuditTrail trail;
    private final TransactionTemplate tx;
    private final String username;
    private final String password;

    FirstAdministrator(ConsoleAccounts accounts, AuditTrail trail, PlatformTransactionManager transactions,
            @Value("${roamdesk.bootstrap-admin.username:}") String username,
            @Value("${roamdesk.bootstrap-admin.password:}") String password) {
        this.accounts = accounts;
        this.trail = trail;
        this.tx = new TransactionTemplate(transactions);
        this.username = username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            createIfNoAccount(username, password);
        } catch (DuplicateKeyException raced) {
            log.info("First administrator '{}' was created by another instance starting at the same time", username);
        }
    }

    /** Creates the platform administrator if, and only if, no console account exists yet. */
    public Outcome createIfNoAccount(String name, String secret) {
        if (name.length() > 64) {
            throw new IllegalStateException("roamdesk.bootstrap-admin.username must be at most 64 characters");
        }
        Outcome outcome = tx.execute(s -> create(name, secret));
        if (outcome == Outcome.CREATED) {
            log.info("Created the first platform administrator '{}' from the settings; the password must be changed "
                    + "at first sign-in", name);
        }
        return outcome;
    }

    private Outcome create(String name, String secret) {
        if (accounts.anyExists()) {
            if (!name.isEmpty()) {
                log.info("roamdesk.bootstrap-admin.* is set but console accounts exist: ignored (remove the setting)");
            }
            return Outcome.ACCOUNTS_EXIST;
        }
        if (name.isEmpty() || secret.isEmpty()) {
            log.warn("No console account exists yet: set ROAMDESK_BOOTSTRAP_ADMIN_USERNAME and "
                    + "ROAMDESK_BOOTSTRAP_ADMIN_PASSWORD and restart to create the first platform administrator "
                    + "(the password must be changed at first sign-in; see docs/operations.md)");
            return Outcome.NOT_CONFIGURED;
        }
        accounts.create(name, secret, Role.PLATFORM_ADMIN, true);
        trail.record(BOOTSTRAP, AuditAction.ACCOUNT_CREATE, null, null, "account:" + name,
                Map.of("role", Role.PLATFORM_ADMIN.name(), "mustChangePassword", true, "source", "settings"),
                AuditOutcome.SUCCESS, null);
        return Outcome.CREATED;
    }
}
