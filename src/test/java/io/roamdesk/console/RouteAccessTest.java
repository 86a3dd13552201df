package io.roamdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.roamdesk.console.account.ChangePasswordView;
import io.roamdesk.console.apps.AppsView;
import io.roamdesk.console.history.HistoryView;
import io.roamdesk.console.login.LoginView;
import io.roamdesk.console.users.UserLookupView;
import io.roamdesk.security.Role;
import io.roamdesk.support.ViewTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every console route × every role (with the authorities the role is granted): allowed exactly where
 * the matrix says, denied everywhere else. Changing one's own password is open to every account.
 * Checked twice: on the annotations, and by opening every route as each role (browserless, through
 * Vaadin's access control). A new route needs one line in {@link #ALLOWED}.
 */
class RouteAccessTest extends ViewTest {

    private static final Map<Class<?>, Set<Role>> ALLOWED = Map.of(
            AppsView.class, Set.of(Role.SUPPORT, Role.APP_ADMIN, Role.AUDITOR, Role.PLATFORM_ADMIN),
            UserLookupView.class, Set.of(Role.SUPPORT, Role.APP_ADMIN, Role.PLATFORM_ADMIN),
            HistoryView.class, Set.of(Role.SUPPORT, Role.APP_ADMIN, Role.PLATFORM_ADMIN),
            io.roamdesk.console.audit.AuditView.class, Set.of(Role.AUDITOR, Role.APP_ADMIN, Role.PLATFORM_ADMIN),
            io.roamdesk.console.jobs.JobsView.class, Set.of(Role.AUDITOR, Role.APP_ADMIN, Role.PLATFORM_ADMIN),
            io.roamdesk.console.admin.AccountsView.class, Set.of(Role.PLATFORM_ADMIN),
            ChangePasswordView.class, Set.of(Role.values()));

    private static Set<Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scanner.findCandidateComponents("io.roamdesk.console").stream().map(d -> {
            try {
                return Class.forName(d.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
    }

    @Test
    void everyRouteDeclaresItsRolesAndIsInTheMatrix() {
        // the scan must find every route of the matrix and the sign-in page, or the loops prove nothing
        assertThat(routes()).containsAll(ALLOWED.keySet()).contains(LoginView.class).hasSize(ALLOWED.size() + 1);
        for (Class<?> route : routes()) {
            if (route == LoginView.class) {
                assertThat(route.isAnnotationPresent(AnonymousAllowed.class)).isTrue();
                continue;
            }
            boolean openToEveryAccount = route == ChangePasswordView.class && route.isAnnotationPresent(PermitAll.class);
            assertThat(route.isAnnotationPresent(RolesAllowed.class) || openToEveryAccount)
                    .as(route + " declares @RolesAllowed").isTrue();
            assertThat(ALLOWED).as(route + " is in the access matrix").containsKey(route);
        }
    }

    @Test
    void eachRoleOpensExactlyItsRoutesAndIsTurnedAwayFromTheOthers() {
        Set<Class<?>> routes = routes();
        assertThat(routes).hasSize(ALLOWED.size() + 1);
        int opened = 0;
        int refused = 0;
        for (Role role : Role.values()) {
            logout();
            login("route-check-" + role.name().toLowerCase(), role);
            for (Class<?> route : routes) {
                if (route == LoginView.class) {
                    continue;
                }
                open(path(route));
                boolean reached = route.isInstance(currentView());
                assertThat(reached).as(role + " opening /" + path(route) + " (now on " + currentView().getClass().getSimpleName() + ")")
                        .isEqualTo(ALLOWED.get(route).contains(role));
                if (reached) {
                    opened++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(opened).as("routes opened over all roles").isGreaterThan(0);
        assertThat(refused).as("routes refused over all roles").isGreaterThan(0);
    }

    @Test
    void someoneNotSignedInIsSentToTheSignInPageFromEveryRoute() {
        logout();
        for (Class<?> route : routes()) {
            open(path(route));
            assertThat(currentView()).as("anonymous opening /" + path(route)).isInstanceOf(LoginView.class);
        }
    }

    private static String path(Class<?> route) {
        return route.getAnnotation(Route.class).value();
    }

    @Test
    void eachRoleReachesExactlyItsRoutes() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal someone = () -> "someone";
        for (Class<?> route : routes()) {
            if (route == LoginView.class) {
                continue;
            }
            for (Role role : Role.values()) {
                boolean allowed = checker.hasAccess(route, someone, r -> role.granted().contains(r));
                assertThat(allowed).as(role + " on " + route.getSimpleName()).isEqualTo(ALLOWED.get(route).contains(role));
            }
            assertThat(checker.hasAccess(route, null, r -> false)).as("anonymous on " + route.getSimpleName()).isFalse();
        }
    }
}
