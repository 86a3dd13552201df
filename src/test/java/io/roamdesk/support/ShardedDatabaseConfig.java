package io.roamdesk.support;

import io.roamdesk.sharding.ShardTargets;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * With the {@code sharded} profile ({@code mvn -Psharded}, docs/scaling.md) the application runs on
 * ShardingSphere over two servers: the test database of {@link EmbeddedDatabaseConfig} is shard 0 and
 * a second one of the same kind is shard 1.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("sharded")
public class ShardedDatabaseConfig {

    /** Not a {@link TestDatabase} bean: the tests that inject one mean the first. */
    record SecondShard(TestDatabase db) {
        void stop() throws Exception {
            db.stop();
        }
    }

    @Bean(destroyMethod = "stop")
    SecondShard secondShard() {
        return new SecondShard(TestDatabase.start());
    }

    @Bean
    ShardTargets testShards(TestDatabase testDatabase, SecondShard secondShard) {
        return new ShardTargets(List.of(target(testDatabase), target(secondShard.db())));
    }

    private static ShardTargets.Target target(TestDatabase db) {
        return new ShardTargets.Target(db.jdbcUrl(), "root", "");
    }
}
