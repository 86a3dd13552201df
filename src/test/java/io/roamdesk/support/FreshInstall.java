package io.roamdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application as an operator first starts it: its own empty embedded MariaDB, no demo data, no
 * demo accounts, and the first-administrator settings set. A second context besides
 * {@link IntegrationTest}'s, shared by every test that uses exactly this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roamdesk.demo.enabled=false", "spring.lifecycle.timeout-per-shutdown-phase=3s",
                "vaadin.devmode.devTools.enabled=false",
                "roamdesk.bootstrap-admin.username=" + FreshInstall.ADMIN,
                "roamdesk.bootstrap-admin.password=" + FreshInstall.ADMIN_PASSWORD})
@Import({EmbeddedDatabaseConfig.class, ShardedDatabaseConfig.class})
public @interface FreshInstall {

    String ADMIN = "operator";
    String ADMIN_PASSWORD = "first-start-temporary";
}
