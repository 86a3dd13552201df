package io.roamdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.router.Route;
import io.roamdesk.core.RoamdeskException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** New apps' names: the syntax, and no org named like one of Roamdesk's own paths. */
class AppNamesTest {

    @Test
    void namesAreLoweredAndChecked() {
        assertThat(AppNames.forNewApp(" Acme ", "Chat-1")).isEqualTo(new AppKey("acme", "chat-1"));
        for (String bad : new String[] {"", "-acme", "ac me", "acme#x", "ä", "a".repeat(65)}) {
            assertThatThrownBy(() -> AppNames.forNewApp(bad, "chat")).as(bad).isInstanceOf(RoamdeskException.class)
                    .hasMessageContaining("1-64 characters");
        }
        assertThatThrownBy(() -> AppNames.forNewApp("acme", "chat/1")).isInstanceOf(RoamdeskException.class);
    }

    @Test
    void ourOwnPathsAreRefusedAsOrgNames() {
        for (String ours : new String[] {"actuator", "internal", "vaadin", "audit", "users", "accounts", "Login"}) {
            assertThatThrownBy(() -> AppNames.forNewApp(ours, "chat")).as(ours).isInstanceOf(RoamdeskException.class)
                    .hasMessageContaining("reserved");
        }
        // the same name is fine as an app name: its API lives under the org
        assertThat(AppNames.forNewApp("acme", "audit").app()).isEqualTo("audit");
    }

    @Test
    void everyConsoleRouteIsReserved() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> firstSegments = scanner.findCandidateComponents("io.roamdesk.console").stream().map(d -> {
            try {
                return Class.forName(d.getBeanClassName()).getAnnotation(Route.class).value().split("/")[0];
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
        assertThat(firstSegments).contains("apps", "accounts", "login");
        assertThat(AppNames.RESERVED_ORGS).containsAll(firstSegments);
    }
}
