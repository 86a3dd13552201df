package io.roamdesk.security;

import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditOutcome;

import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditTrail;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A console account changes its own password: the current one proves it is the account's owner, the
 * new one must be long enough and different. Ends the "must change password" state; audited.
 */
@Service
public class PasswordChanges {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes (and Spring's encoder refuses more): a longer password is refused. */
    public static final int MAX_BYTES = 72;

    public enum Outcome { CHANGED, WRONG_CURRENT, TOO_SHORT, TOO_LONG, SAME_AS_CURRENT }

    private final ConsoleAccountRepository rows;
    private final PasswordEncoder encoder;
    private final AuditTrail trail;

    PasswordChanges(ConsoleAccountRepository rows, PasswordEncoder encoder, AuditTrail trail) {
        this.rows = rows;
        this.encoder = encoder;
        this.trail = trail;
    }

    @Transactional
    public Outcome change(String username, String current, String replacement) {
        var account = rows.lock(username);
        if (account == null) {
            throw new IllegalStateException("no such console account: " + username);
        }
        Actor actor = new Actor(username, account.getRole().getLiteral());
        Outcome outcome;
        if (!encoder.matches(current, account.getPasswordHash())) {
            outcome = Outcome.WRONG_CURRENT;
        } else if (replacement.length() < MIN_LENGTH) {
            outcome = Outcome.TOO_SHORT;
        } else if (replacement.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            outcome = Outcome.TOO_LONG;
        } else if (replacement.equals(current)) {
            outcome = Outcome.SAME_AS_CURRENT;
        } else {
            rows.setPassword(username, encoder.encode(replacement), false);
            outcome = Outcome.CHANGED;
        }
        Map<String, Object> params = outcome == Outcome.CHANGED
                ? Map.of("wasTemporary", account.getMustChangePassword())
                : Map.of("error", outcome.name());
        trail.record(actor, AuditAction.PASSWORD_CHANGE, null, null, "account:" + username, params,
                outcome == Outcome.CHANGED ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, null);
        return outcome;
    }
}
