package io.roamdesk.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.SqlCapture;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every statement of the user services on {@code app_user} and {@code user_token} is keyed by app + user. */
@IntegrationTest
class UserShardKeyTest {

    @Autowired
    TestApps testApps;
    @Autowired
    EndUsers users;
    @Autowired
    UserTokens tokens;

    @Test
    void everyUserStatementIsBoundedByAppAndUser() {
        App app = testApps.createRoaming();
        SqlCapture.start();
        users.register(app, List.of(new EndUsers.NewUser("alice", "pw-a"), new EndUsers.NewUser("bob", "pw-b")));
        users.get(app, "alice");
        var issued = tokens.passwordGrant(app, "alice", "pw-a", 0);
        tokens.verify(app, issued.accessToken());
        tokens.inheritGrant(app, "carol", true, 60);
        users.setPassword(app, "alice", "pw-a2");
        users.delete(app, "bob");
        List<String> sql = SqlCapture.stop();

        List<String> unbounded = new ArrayList<>();
        int checked = 0;
        for (String statement : sql) {
            String s = statement.toLowerCase();
            if (!s.contains("`app_user`") && !s.contains("`user_token`")) {
                continue;
            }
            checked++;
            if (s.startsWith("insert") && !s.contains("select")) {
                continue; // the key is in the values
            }
            boolean ok = (s.contains("`app_user`.`app_id` =") || s.contains("`user_token`.`app_id` ="))
                    && (s.contains("`app_user`.`username` =") || s.contains("`user_token`.`username` ="));
            if (!ok) {
                unbounded.add(statement);
            }
        }
        assertThat(checked).as("statements checked").isGreaterThan(10);
        assertThat(unbounded).as("statements not bounded by app + user").isEmpty();
    }
}
