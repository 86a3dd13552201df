package io.roamdesk.security;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static io.roamdesk.jooq.Tables.CONSOLE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.audit.AuditTrail;
import io.roamdesk.support.FreshInstall;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first platform administrator from settings, on the real embedded MariaDB started empty.
 * Tests that need an empty account table delete the accounts inside a transaction that is rolled
 * back at the end.
 */
@FreshInstall
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    @Autowired
    FirstAdministrator first;
    @Autowired
    ConsoleAccounts accounts;
    @Autowired
    PasswordChanges passwords;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuditTrail trail;
    @Autowired
    DSLContext db;

    private int created(String name) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ACCOUNT_CREATE")
                .and(AUDIT_EVENT.TARGET.eq("account:" + name)).and(AUDIT_EVENT.ACTOR.eq("bootstrap-settings")));
    }

    @Test
    void theFirstStartCreatedTheConfiguredPlatformAdministratorOnceAndAuditedIt() {
        assertThat(db.fetchCount(CONSOLE_ACCOUNT)).isEqualTo(1);
        assertThat(accounts.roleOf(FreshInstall.ADMIN)).contains(Role.PLATFORM_ADMIN);
        assertThat(created(FreshInstall.ADMIN)).isEqualTo(1);
        assertThat(trail.verify().intact()).isTrue();
        var user = accounts.loadUserByUsername(FreshInstall.ADMIN);
        assertThat(user.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_PLATFORM_ADMIN", "ROLE_APP_ADMIN");
    }

    @Test
    void onceAnAccountExistsTheSettingsAreIgnored() {
        assertThat(first.createIfNoAccount("another-admin", "another-password")).isEqualTo(FirstAdministrator.Outcome.ACCOUNTS_EXIST);
        assertThat(accounts.exists("another-admin")).isFalse();
        assertThat(created("another-admin")).isZero();
    }

    @Test
    @Transactional
    void onAnEmptyAccountTableTheAdministratorIsCreatedWithATemporaryPassword() {
        db.deleteFrom(CONSOLE_ACCOUNT).execute();
        assertThat(first.createIfNoAccount("root-op", "temporary-secret")).isEqualTo(FirstAdministrator.Outcome.CREATED);
        var row = db.selectFrom(CONSOLE_ACCOUNT).where(CONSOLE_ACCOUNT.USERNAME.eq("root-op")).fetchOne();
        assertThat(row.getRole().getLiteral()).isEqualTo("PLATFORM_ADMIN");
        assertThat(row.getMustChangePassword()).isTrue();
        assertThat(row.getEnabled()).isTrue();
        assertThat(encoder.matches("temporary-secret", row.getPasswordHash())).isTrue();
        assertThat(accounts.mustChangePassword("root-op")).isTrue();
        assertThat(created("root-op")).isEqualTo(1);
        assertThat(first.createIfNoAccount("second-op", "temporary-secret")).isEqualTo(FirstAdministrator.Outcome.ACCOUNTS_EXIST);
        assertThat(db.fetchCount(CONSOLE_ACCOUNT)).isEqualTo(1);
    }

    @Test
    @Transactional
    void withoutTheSettingsNothingIsCreatedAndTheLogSaysHowInOneLine(CapturedOutput output) {
        db.deleteFrom(CONSOLE_ACCOUNT).execute();
        assertThat(first.createIfNoAccount("", "")).isEqualTo(FirstAdministrator.Outcome.NOT_CONFIGURED);
        assertThat(first.createIfNoAccount("only-a-name", "")).isEqualTo(FirstAdministrator.Outcome.NOT_CONFIGURED);
        assertThat(db.fetchCount(CONSOLE_ACCOUNT)).isZero();
        var lines = output.getOut().lines().filter(l -> l.contains("ROAMDESK_BOOTSTRAP_ADMIN_USERNAME")).toList();
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l)
                .contains("WARN", "No console account exists", "ROAMDESK_BOOTSTRAP_ADMIN_PASSWORD"));
    }

    @Test
    @Transactional
    void aTemporaryPasswordEndsOnlyWithACorrectChangeAndEveryAttemptIsAudited() {
        accounts.create("temp-agent", "temporary-secret", Role.SUPPORT, true);
        assertThat(passwords.change("temp-agent", "not-the-password", "a-new-long-password"))
                .isEqualTo(PasswordChanges.Outcome.WRONG_CURRENT);
        assertThat(passwords.change("temp-agent", "temporary-secret", "short"))
                .isEqualTo(PasswordChanges.Outcome.TOO_SHORT);
        assertThat(passwords.change("temp-agent", "temporary-secret", "temporary-secret"))
                .isEqualTo(PasswordChanges.Outcome.SAME_AS_CURRENT);
        assertThat(accounts.mustChangePassword("temp-agent")).isTrue();
        assertThat(passwords.change("temp-agent", "temporary-secret", "a-new-long-password"))
                .isEqualTo(PasswordChanges.Outcome.CHANGED);
        assertThat(accounts.mustChangePassword("temp-agent")).isFalse();
        assertThat(encoder.matches("a-new-long-password", accounts.loadUserByUsername("temp-agent").getPassword())).isTrue();
        assertThat(db.select(AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("PASSWORD_CHANGE"))
                .and(AUDIT_EVENT.TARGET.eq("account:temp-agent")).orderBy(AUDIT_EVENT.EVENT_ID).fetch(AUDIT_EVENT.OUTCOME))
                .containsExactly("FAILURE", "FAILURE", "FAILURE", "SUCCESS");
    }
}
