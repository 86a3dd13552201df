package io.roamdesk.security;

import io.roamdesk.app.AppAccess;
import io.roamdesk.app.AppScope;
import io.roamdesk.app.AppService;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditOutcome;
import io.roamdesk.audit.AuditTrail;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.ConsoleAccountRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A platform administrator manages console accounts: creates them with a role and the apps they may
 * act on, disables and enables them, resets a password to a temporary one (changed at the next
 * sign-in), unlocks a locked account. Each change and its audit event commit together; a refused one
 * is audited as a failure. Temporary passwords are generated and answered once; only hashes are kept.
 */
@Service
public class AccountAdministration {

    /** Console account names: like end users' (1-64 of a-z, 0-9, '_', '-', '.'), stored lowercase. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    /** One account as the accounts screen shows it. */
    public record AccountInfo(String username, Role role, boolean enabled, boolean locked, boolean mustChangePassword,
            AppScope scope, long createdAt) {
    }

    /** A new account or a reset: the temporary password's only clear text. */
    public record TemporaryPassword(String username, String password) {
    }

    private final ConsoleAccountRepository rows;
    private final ConsoleAccounts accounts;
    private final AppAccess access;
    private final AuditTrail trail;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();

    AccountAdministration(ConsoleAccountRepository rows, ConsoleAccounts accounts, AppAccess access, AuditTrail trail,
            org.springframework.security.crypto.password.PasswordEncoder encoder, Clock clock,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.accounts = accounts;
        this.access = access;
        this.trail = trail;
        this.encoder = encoder;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public List<AccountInfo> list(Actor by) {
        requirePlatformAdmin(by);
        long now = clock.millis();
        return tx.execute(s -> rows.allByName().stream()
                .map(r -> new AccountInfo(r.getUsername(), Role.valueOf(r.getRole().getLiteral()), r.getEnabled(),
                        r.getLockedUntil() > now, r.getMustChangePassword(), access.scopeOf(r.getUsername()),
                        r.getCreatedAt()))
                .toList());
    }

    /** Creates an account with a temporary password; a platform administrator always acts on every app. */
    public TemporaryPassword create(Actor by, String username, Role role, AppScope scope) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> params = new HashMap<>();
        params.put("role", role.name());
        params.put("apps", describe(scope));
        return audited(by, AuditAction.ACCOUNT_CREATE, name, params, null, () -> {
            if (!NAME.matcher(name).matches()) {
                throw RoamdeskException.badRequest("an account name is 1-64 characters of a-z, 0-9, '_', '-' and '.'");
            }
            if (role == Role.PLATFORM_ADMIN && !scope.allApps()) {
                throw RoamdeskException.badRequest("a platform administrator acts on every app");
            }
            if (accounts.exists(name)) {
                throw new RoamdeskException(ErrorKind.CONFLICT, "duplicate_unique_property_exists",
                        "the console account " + name + " already exists");
            }
            String password = temporaryPassword();
            accounts.create(name, password, role, true);
            access.setScope(name, scope);
            return new TemporaryPassword(name, password);
        });
    }

    public void setEnabled(Actor by, String username, boolean enabled, @Nullable String reason) {
        if (!enabled) {
            requireReason(reason);
        }
        audited(by, enabled ? AuditAction.ACCOUNT_ENABLE : AuditAction.ACCOUNT_DISABLE, username, Map.of(), reason, () -> {
            ConsoleAccountRecord account = require(username);
            if (!enabled && username.equals(by.name())) {
                throw RoamdeskException.badRequest("you cannot disable your own account");
            }
            if (account.getEnabled() == enabled) {
                throw RoamdeskException.badRequest("the account is already " + (enabled ? "enabled" : "disabled"));
            }
            rows.setEnabled(username, enabled);
            return null;
        });
    }

    /** A new temporary password (the old one stops working; the account must change it at the next sign-in). */
    public TemporaryPassword resetPassword(Actor by, String username, @Nullable String reason) {
        requireReason(reason);
        return audited(by, AuditAction.ACCOUNT_PASSWORD_RESET, username, Map.of(), reason, () -> {
            require(username);
            String password = temporaryPassword();
            rows.setPassword(username, encoder.encode(password), true);
            return new TemporaryPassword(username, password);
        });
    }

    /** Ends a lockout after failed sign-ins at once (the failure count starts again from zero). */
    public void unlock(Actor by, String username, @Nullable String reason) {
        audited(by, AuditAction.ACCOUNT_UNLOCK, username, Map.of(), reason, () -> {
            ConsoleAccountRecord account = require(username);
            if (account.getLockedUntil() <= clock.millis()) {
                throw RoamdeskException.badRequest("the account is not locked");
            }
            accounts.recordSuccess(username);
            return null;
        });
    }

    private ConsoleAccountRecord require(String username) {
        ConsoleAccountRecord account = rows.lock(username);
        if (account == null) {
            throw RoamdeskException.notFound("resource_not_found", "no console account " + username);
        }
        return account;
    }

    private <T> T audited(Actor by, AuditAction action, String username, Map<String, ?> params, @Nullable String reason,
            Supplier<T> work) {
        String target = "account:" + username;
        try {
            return tx.execute(s -> {
                requirePlatformAdmin(by);
                T result = work.get();
                trail.record(by, action, null, null, target, params, AuditOutcome.SUCCESS, reason);
                return result;
            });
        } catch (RoamdeskException e) {
            trail.recordFailure(by, action, null, null, target, params, e.code() + ": " + e.description(), reason);
            throw e;
        }
    }

    /** Checked against the database, not only the session's authorities: a demoted or disabled admin is refused. */
    private void requirePlatformAdmin(Actor by) {
        var me = rows.standing(by.name()).orElse(null);
        if (me == null || !me.enabled() || !Role.PLATFORM_ADMIN.name().equals(me.role().getLiteral())
                || !access.scopeOf(by.name()).allApps()) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op", "only a platform administrator manages accounts");
        }
    }

    private String temporaryPassword() {
        byte[] raw = new byte[12];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String describe(AppScope scope) {
        return scope.allApps() ? "all" : scope.appIds().stream().sorted().map(String::valueOf).toList().toString();
    }

    private static void requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > AppService.MAX_REASON) {
            throw RoamdeskException.badRequest("a reason (1-" + AppService.MAX_REASON + " characters) is required");
        }
    }
}
