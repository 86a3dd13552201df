package io.roamdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.EmbeddedDatabaseConfig;
import io.roamdesk.support.TestApps;
import io.roamdesk.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;

/**
 * Readiness follows the database: DOWN (503) within a bounded time while the database is stalled
 * (frozen with SIGSTOP), UP again once it answers; liveness stays UP throughout. The same context
 * and database as {@code api.DatabaseOutageTest} (its own, since it freezes that database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roamdesk.demo.enabled=false", "spring.lifecycle.timeout-per-shutdown-phase=3s",
                "vaadin.devmode.devTools.enabled=false"})
@Import({EmbeddedDatabaseConfig.class, TestApps.class, Chats.class, Api.class})
class ReadinessTest {

    @Autowired
    TestDatabase database;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void thaw() {
        database.thaw();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
    void readinessIsDownWhileTheDatabaseStallsAndUpAgainAfter() {
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);

        database.freeze();
        long started = System.nanoTime();
        var down = http.getForEntity("/actuator/health/readiness", String.class);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(down.getStatusCode().value()).as(down.getBody()).isEqualTo(503);
        assertThat(down.getBody()).contains("\"status\":\"DOWN\"");
        assertThat(millis).as("a probe during the stall").isLessThan(9_000);
        assertThat(status("/actuator/health/liveness")).as("liveness does not follow the database").isEqualTo(200);

        database.thaw();
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            status = status("/actuator/health/readiness");
        }
        assertThat(status).as("after the database is back").isEqualTo(200);
    }

    private int status(String path) {
        return http.getForEntity(path, String.class).getStatusCode().value();
    }
}
