package io.roamdesk.security;

import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditOutcome;
import io.roamdesk.audit.Actor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roamdesk.audit.AuditTrail;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Every console sign-in and failed sign-in goes into the audit trail; failures count towards the
 * account's lockout ({@link ConsoleAccounts#MAX_FAILURES} in a row lock it for
 * {@link ConsoleAccounts#LOCKOUT}).
 */
@Component
class SignInAudit {

    private final AuditTrail trail;
    private final ConsoleAccounts accounts;
    private final Counter failures;
    private final Counter lockouts;

    SignInAudit(AuditTrail trail, ConsoleAccounts accounts, MeterRegistry metrics) {
        this.trail = trail;
        this.accounts = accounts;
        this.failures = Counter.builder("roamdesk.console.sign.in.failures")
                .description("Failed console sign-ins (bad credentials, locked or disabled account)").register(metrics);
        this.lockouts = Counter.builder("roamdesk.console.lockouts")
                .description("Console accounts locked after too many failed sign-ins").register(metrics);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        accounts.recordSuccess(name);
        trail.recordAlone(new Actor(name, role(name)), AuditAction.SIGN_IN, null, null, null, Map.of(), AuditOutcome.SUCCESS, null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        boolean locked = event.getException() instanceof LockedException;
        boolean nowLocked = !locked && accounts.recordFailure(name);
        failures.increment();
        if (nowLocked) {
            lockouts.increment();
        }
        String why = locked ? "account locked" : nowLocked ? "bad credentials; account now locked" : "bad credentials";
        trail.recordAlone(new Actor(name, role(name)), AuditAction.SIGN_IN, null, null, null, Map.of("error", why), AuditOutcome.FAILURE, null);
    }

    private String role(String name) {
        return accounts.roleOf(name).map(Enum::name).orElse("UNKNOWN");
    }
}
