package io.roamdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against the embedded MariaDB with the demo data. Every
 * integration test uses exactly this, so Spring builds one context for the whole suite. Tests
 * that change data create their own apps (see {@link TestApps}) and leave the demo apps alone,
 * unless they restore what they change.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roamdesk.demo.enabled=true", "spring.lifecycle.timeout-per-shutdown-phase=3s",
                "vaadin.devmode.devTools.enabled=false", "roamdesk.gateway.secret=" + IntegrationTest.GATEWAY_SECRET,
                "roamdesk.metrics.password=" + IntegrationTest.METRICS_PASSWORD,
                // the retention and prune tests run passes themselves: a scheduled pass minutes into the suite
                // would purge the old messages (or undo data) another test has just written to check its own
                "roamdesk.retention.purge-after=24h", "roamdesk.undo.prune-after=24h"})
@AutoConfigureObservability(tracing = false)
@Import({EmbeddedDatabaseConfig.class, ShardedDatabaseConfig.class, TestApps.class, Chats.class, Api.class, SqlCapture.class})
public @interface IntegrationTest {

    String GATEWAY_SECRET = "test-gateway-secret";
    String METRICS_PASSWORD = "test-metrics-secret";
}
