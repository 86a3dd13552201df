package io.roamdesk.sharding;

import io.roamdesk.core.ShardLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code sharded} profile: the application's data source is ShardingSphere-JDBC over the shards'
 * pools, with the rules of {@code sharding/rules.yaml} (docs/scaling.md). Spring Boot's own data
 * source and Flyway stand back ({@code application-sharded.properties}); {@link ShardPools}
 * migrates each shard.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sharded")
@EnableConfigurationProperties(ShardingProperties.class)
class ShardedDataSourceConfig {

    static final String RULES = "sharding/rules.yaml";

    @Bean(destroyMethod = "close")
    ShardPools shardPools(ObjectProvider<ShardTargets> given, ShardingProperties properties, Environment environment,
            @Value("${roamdesk.database.statement-timeout:5s}") Duration timeout) {
        ShardTargets targets = given.getIfAvailable(() -> new ShardTargets(properties.shards()));
        return new ShardPools(targets, environment, timeout);
    }

    @Bean
    @Primary
    DataSource dataSource(ShardPools pools, ShardingProperties properties) throws SQLException {
        Map<String, DataSource> shards = new LinkedHashMap<>();
        List<DataSource> each = pools.pools();
        for (int i = 0; i < each.size(); i++) {
            shards.put("ds_" + i, each.get(i));
        }
        try {
            return YamlShardingSphereDataSourceFactory.createDataSource(shards,
                    rules(shards.size(), properties.sqlShow()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ShedLock's rows ({@code shedlock}, a single table on shard 0) through shard 0's own pool: ShardingSphere's
     * parser refuses ShedLock's {@code TIMESTAMPADD(MICROSECOND, ...)} ("Unknown column 'MICROSECOND'"), and
     * the retention schedule's lock was never released. Instead of the one-database provider (RetentionConfig).
     */
    @Bean
    LockProvider shardZeroLockProvider(ShardPools pools) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(pools.pools().get(0)))
                .usingDbTime()
                .build());
    }

    /** The same hash as the rules' algorithm, for the services' per-shard steps. */
    @Bean
    ShardLayout shardLayout(ShardPools pools) {
        int shards = pools.pools().size();
        return new ShardLayout() {
            @Override
            public int shards() {
                return shards;
            }

            @Override
            public int shardOf(long appId, String key) {
                return AppKeySharding.shardOf(appId, key, shards);
            }
        };
    }

    /** The rules file with the shard count and the SQL log switch filled in. */
    static String rules(int shards, boolean sqlShow) throws IOException {
        String template = new ClassPathResource(RULES).getContentAsString(StandardCharsets.UTF_8);
        return template.replace("{{last}}", Integer.toString(shards - 1)).replace("{{sqlShow}}", Boolean.toString(sqlShow));
    }
}
