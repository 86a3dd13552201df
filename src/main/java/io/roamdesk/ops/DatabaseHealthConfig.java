package io.roamdesk.ops;

import io.roamdesk.core.BoundedWaits;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health, as readiness reports it, with the application's bounded waits: Spring
 * Boot's own check asks the raw pool with {@code isValid(0)}, which waits forever on a frozen
 * server. A query on the bounded data source answers DOWN within the statement timeout.
 */
@Configuration
class DatabaseHealthConfig {

    /** Replaces Spring Boot's "db" contributor (it backs off for a bean of this name). */
    @Bean
    DataSourceHealthIndicator dbHealthIndicator(BoundedWaits waits) {
        return new DataSourceHealthIndicator(waits.dataSource(), "SELECT 1");
    }
}
