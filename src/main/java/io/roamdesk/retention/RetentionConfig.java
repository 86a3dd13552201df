package io.roamdesk.retention;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock for scheduled work that must run on one instance at a time (the retention purge): its
 * lock rows live in {@code shedlock} (V023), and the lock times come from the database's clock, so
 * instances with skewed clocks still agree.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT6H")
class RetentionConfig {

    /** One database; the sharded profile has its own on shard 0's pool (sharding.ShardedDataSourceConfig). */
    @Bean
    @Profile("!sharded")
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
