package io.roamdesk.core;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
class CoreConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * jOOQ asks for warnings after every statement that has some (SHOW WARNINGS, one more round
     * trip): INSERT IGNORE of known users and MySQL 8's deprecation note on VALUES() have them on
     * every send. Nothing here acts on warnings; errors still raise exceptions.
     */
    @Bean
    DefaultConfigurationCustomizer jooqWithoutWarningFetch() {
        return configuration -> configuration.set(configuration.settings().withFetchWarnings(false));
    }

    @Bean
    BoundedWaits boundedWaits(javax.sql.DataSource pool,
            @Value("${roamdesk.database.statement-timeout:5s}") java.time.Duration timeout) {
        return new BoundedWaits(pool, timeout);
    }

    /** Transactions take their connections with bounded waits (Spring Boot's own backs off). */
    @Bean
    org.springframework.jdbc.support.JdbcTransactionManager transactionManager(BoundedWaits waits) {
        return new org.springframework.jdbc.support.JdbcTransactionManager(waits.dataSource());
    }

    /** jOOQ joins those transactions on the same data source, so its statements are bounded too. */
    @Bean
    org.jooq.ConnectionProvider jooqConnections(BoundedWaits waits) {
        return new org.jooq.impl.DataSourceConnectionProvider(
                new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(waits.dataSource()));
    }

    /** Delegating encoder ({bcrypt} by default) for console passwords and API client secrets. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
