package io.roamdesk.sharding;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * One connection pool per shard, configured like the single database's pool
 * ({@code spring.datasource.hikari.*}), each migrated by Flyway before ShardingSphere sees it: every
 * shard has the whole schema, so the sharded tables exist everywhere and the small ones on shard 0.
 */
final class ShardPools implements AutoCloseable {

    private final List<HikariDataSource> pools = new ArrayList<>();

    ShardPools(ShardTargets targets, Environment environment, Duration statementTimeout) {
        String[] locations = environment.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        try {
            for (int i = 0; i < targets.shards().size(); i++) {
                ShardTargets.Target target = targets.shards().get(i);
                HikariConfig config = new HikariConfig();
                Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
                config.setPoolName("shard-" + i);
                config.setJdbcUrl(target.url());
                config.setUsername(target.username());
                config.setPassword(target.password());
                // migrations keep no time limit (as on one database); the application's statements get one
                Flyway.configure().dataSource(target.url(), target.username(), target.password())
                        .locations(locations).load().migrate();
                // ShardingSphere ignores a connection's network timeout and must see the pool itself
                // (it reads the pool's URL), so the limit of core.BoundedWaits is the driver's socket timeout
                config.addDataSourceProperty("socketTimeout", Long.toString(statementTimeout.toMillis()));
                pools.add(new HikariDataSource(config));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    List<DataSource> pools() {
        return List.copyOf(pools);
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
