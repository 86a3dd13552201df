package io.roamdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.support.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The suite runs on the server it was asked for: the embedded MariaDB 11.4 by default, the
 * machine's own MariaDB server in the second-database run (Debian 12's 10.11 in CI), so a green
 * second run really is a run on the second server.
 */
@IntegrationTest
class DatabaseServerTest {

    @Autowired
    DSLContext db;

    @Test
    void theTestsRunOnTheDatabaseServerTheyWereAskedFor() {
        String version = db.fetchValue(DSL.field("VERSION()", String.class));
        assertThat(version).contains("MariaDB");
        if ("system".equals(System.getProperty("roamdesk.test.database"))) {
            assertThat(version).as("the machine's MariaDB server, not the embedded one").doesNotStartWith("11.4.5");
        } else {
            assertThat(version).startsWith("11.4.5");
        }
    }
}
