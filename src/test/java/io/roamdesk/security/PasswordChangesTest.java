package io.roamdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PasswordChangesTest {

    @Autowired
    ConsoleAccounts accounts;
    @Autowired
    PasswordChanges changes;

    @Test
    void aPasswordLongerThanBcryptKeepsIsRefusedAndTheOldOneStillWorks() {
        String name = "pw-long-" + UUID.randomUUID().toString().substring(0, 8);
        String current = "first-password-123";
        accounts.create(name, current, Role.SUPPORT);
        // 25 Chinese characters are 75 bytes in UTF-8: bcrypt reads only 72
        String tooLong = "长".repeat(25);

        assertThat(changes.change(name, current, tooLong)).isEqualTo(PasswordChanges.Outcome.TOO_LONG);
        assertThat(changes.change(name, current, "second-password-456")).isEqualTo(PasswordChanges.Outcome.CHANGED);
    }
}
