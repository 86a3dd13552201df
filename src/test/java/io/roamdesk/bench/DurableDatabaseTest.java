package io.roamdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.support.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's database is started durable (the {@code benchmark} profile sets
 * {@code roamdesk.mariadb.durable}): this starts one the same way, without running the benchmark,
 * and reads back what the server reports.
 */
class DurableDatabaseTest {

    @Test
    void theBenchmarksServerFlushesEveryCommitAndSyncsItsBinaryLog() throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(true);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "root", "")) {
            String reported = BenchmarkTest.durability(DSL.using(c, SQLDialect.MARIADB));
            System.out.println("Durable embedded database: " + reported);
            assertThat(reported).isEqualTo("innodb_flush_log_at_trx_commit=1, log_bin=ON, sync_binlog=1, binlog_format=ROW");
            // and a commit reaches the binary log
            var db = DSL.using(c, SQLDialect.MARIADB);
            db.execute("CREATE TABLE durable_probe (id INT PRIMARY KEY)");
            db.execute("INSERT INTO durable_probe VALUES (1)");
            assertThat(db.fetch("SHOW BINARY LOGS")).isNotEmpty();
        } finally {
            server.stop();
        }
    }
}
