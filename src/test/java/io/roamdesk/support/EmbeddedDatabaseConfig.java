package io.roamdesk.support;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts the test database (the embedded MariaDB, or the machine's MariaDB server with
 * {@code -Droamdesk.test.database=system}) and points the application's data source at it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "stop")
    TestDatabase testDatabase() {
        return TestDatabase.start();
    }

    @Bean
    JdbcConnectionDetails testDatabaseConnection(TestDatabase db) {
        String url = db.jdbcUrl();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "root";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
