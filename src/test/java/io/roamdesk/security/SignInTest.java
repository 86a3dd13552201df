package io.roamdesk.security;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roamdesk.support.IntegrationTest;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Console sign-in as the console runs it: audited, rate limited with lockout, demo credentials refused outside demos. */
@IntegrationTest
class SignInTest {

    @Autowired
    DaoAuthenticationProvider provider;
    @Autowired
    AuthenticationEventPublisher events;
    @Autowired
    ConsoleAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DSLContext db;

    private ProviderManager manager(DaoAuthenticationProvider p) {
        ProviderManager m = new ProviderManager(p);
        m.setAuthenticationEventPublisher(events);
        return m;
    }

    private List<String> outcomes(String actor) {
        return db.select(AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTOR.eq(actor)).and(AUDIT_EVENT.ACTION.eq("SIGN_IN"))
                .orderBy(AUDIT_EVENT.EVENT_ID).fetch(AUDIT_EVENT.OUTCOME);
    }

    @Test
    void signInsAndFailedSignInsAreAuditedAndFiveFailuresLockTheAccount() {
        String name = "agent" + System.nanoTime() % 100_000;
        accounts.create(name, "correct-horse", Role.SUPPORT);
        var m = manager(provider);
        m.authenticate(new UsernamePasswordAuthenticationToken(name, "correct-horse"));
        for (int i = 0; i < ConsoleAccounts.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> m.authenticate(new UsernamePasswordAuthenticationToken(name, "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> m.authenticate(new UsernamePasswordAuthenticationToken(name, "correct-horse")))
                .as("locked even with the right password").isInstanceOf(LockedException.class);
        assertThat(outcomes(name)).containsExactly("SUCCESS", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE");
        assertThat(db.select(AUDIT_EVENT.PARAMS).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTOR.eq(name))
                .orderBy(AUDIT_EVENT.EVENT_ID.desc()).limit(1).fetchOne().value1().data()).contains("account locked");
    }

    @Test
    void theDemoCredentialsAreRefusedOutsideADemoRun() {
        DaoAuthenticationProvider production = new ConsoleAuthenticationConfig().consoleAuthentication(accounts, encoder, false);
        assertThatThrownBy(() -> manager(production).authenticate(
                new UsernamePasswordAuthenticationToken("admin", "admin-demo"))).isInstanceOf(BadCredentialsException.class);
        // the demo run itself accepts them
        assertThat(manager(provider).authenticate(new UsernamePasswordAuthenticationToken("admin", "admin-demo"))
                .isAuthenticated()).isTrue();
    }
}
