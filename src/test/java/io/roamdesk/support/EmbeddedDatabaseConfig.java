package io.roamdesk.support;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Starts the embedded MariaDB and points the application's data source at it. */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "stop")
    EmbeddedMariaDb embeddedMariaDb() {
        return EmbeddedMariaDb.start();
    }

    @Bean
    JdbcConnectionDetails embeddedMariaDbConnection(EmbeddedMariaDb db) {
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
