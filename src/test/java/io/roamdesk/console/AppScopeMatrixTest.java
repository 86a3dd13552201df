package io.roamdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import io.roamdesk.app.App;
import io.roamdesk.app.AppAccess;
import io.roamdesk.app.AppScope;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditAction;
import io.roamdesk.audit.AuditOutcome;
import io.roamdesk.audit.AuditQuery;
import io.roamdesk.audit.AuditSearch;
import io.roamdesk.audit.AuditTrail;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.console.admin.AccountsView;
import io.roamdesk.console.apps.AppsView;
import io.roamdesk.console.audit.AuditView;
import io.roamdesk.console.history.HistoryView;
import io.roamdesk.console.jobs.JobsView;
import io.roamdesk.console.users.UserLookupView;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.security.AccountAdministration;
import io.roamdesk.security.ConsoleAccounts;
import io.roamdesk.security.Role;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Route × role × app scope: for every console route a role may open, every way that route reaches an
 * app's data (its app list, a deep link, a change, audit events, jobs) reaches exactly the apps of the
 * account's scope. Accounts of one app (A) must never reach another (B); all-apps accounts reach both.
 * These are the service calls the views make (they resolve apps through {@link AppAccess} only).
 */
@IntegrationTest
class AppScopeMatrixTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** How a route reaches an app's data. */
    enum Reach { APP_LIST, DEEP_LINK, CHANGE, AUDIT_EVENTS, AUDIT_EXPORT, JOBS, ACCOUNTS }

    private static final Map<Class<?>, List<Reach>> ROUTES = Map.of(
            AppsView.class, List.of(Reach.APP_LIST),
            UserLookupView.class, List.of(Reach.APP_LIST, Reach.DEEP_LINK, Reach.CHANGE),
            HistoryView.class, List.of(Reach.DEEP_LINK, Reach.CHANGE),
            AuditView.class, List.of(Reach.APP_LIST, Reach.AUDIT_EVENTS, Reach.AUDIT_EXPORT),
            JobsView.class, List.of(Reach.JOBS),
            AccountsView.class, List.of(Reach.ACCOUNTS));

    @Autowired
    AppAccess access;
    @Autowired
    AuditedActions audited;
    @Autowired
    AuditSearch search;
    @Autowired
    AuditTrail trail;
    @Autowired
    io.roamdesk.audit.AuditExport export;
    @Autowired
    ConsoleAccounts accounts;
    @Autowired
    AccountAdministration admin;
    @Autowired
    TestApps testApps;

    @Test
    void everyRouteReachesExactlyTheAppsOfTheAccountsScope() {
        App a = testApps.createRoaming();
        App b = testApps.createRoaming();
        for (App app : List.of(a, b)) {
            trail.recordAlone(new Actor("someone", "SUPPORT"), AuditAction.PREVIEW, app.appId(), "u", null, Map.of(),
                    AuditOutcome.SUCCESS, null);
        }
        String platformName = account(Role.PLATFORM_ADMIN, AppScope.ALL);
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        AccessAnnotationChecker routes = new AccessAnnotationChecker();
        Principal someone = () -> "someone";
        for (Role role : Role.values()) {
            List<AppScope> scopes = role == Role.PLATFORM_ADMIN ? List.of(AppScope.ALL)
                    : List.of(AppScope.of(Set.of(a.appId())), AppScope.ALL);
            for (AppScope scope : scopes) {
                String name = role == Role.PLATFORM_ADMIN ? platformName : account(role, scope);
                Actor actor = new Actor(name, role.name());
                for (var route : ROUTES.entrySet()) {
                    if (!routes.hasAccess(route.getKey(), someone, r -> role.granted().contains(r))) {
                        continue;
                    }
                    for (Reach reach : route.getValue()) {
                        for (App app : List.of(a, b)) {
                            boolean expected = reach == Reach.ACCOUNTS ? role == Role.PLATFORM_ADMIN : scope.permits(app.appId());
                            String what = role + (scope.allApps() ? " (all apps)" : " (app A)") + " on "
                                    + route.getKey().getSimpleName() + " via " + reach + " to app " + (app == a ? "A" : "B");
                            boolean actual = reaches(reach, actor, app);
                            if (actual != expected) {
                                wrong.add(what + (actual ? ": wrongly granted" : ": wrongly denied"));
                            }
                            checked.add(what);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("access differing from the account's scope").isEmpty();
        // the loops must have run over every role and route, or they prove nothing
        assertThat(checked).anyMatch(c -> c.startsWith("SUPPORT (app A) on HistoryView via CHANGE to app B"))
                .anyMatch(c -> c.startsWith("AUDITOR (app A) on AuditView via AUDIT_EVENTS to app B"))
                .anyMatch(c -> c.startsWith("APP_ADMIN (app A) on JobsView via JOBS to app B"))
                .anyMatch(c -> c.startsWith("PLATFORM_ADMIN (all apps) on AccountsView"));
        assertThat(checked).hasSizeGreaterThan(60);
    }

    private boolean reaches(Reach reach, Actor actor, App app) {
        String name = actor.name();
        return switch (reach) {
            case APP_LIST -> access.visibleApps(name).stream().anyMatch(x -> x.appId() == app.appId());
            case DEEP_LINK -> access.find(name, app.key()).isPresent();
            case CHANGE -> {
                try {
                    audited.clearAll(actor, app, "nobody-" + COUNTER.incrementAndGet(), "scope check");
                    yield true;
                } catch (RoamdeskException refused) {
                    assertThat(refused.code()).isEqualTo("organization_application_not_found");
                    yield false;
                }
            }
            case AUDIT_EVENTS -> !search.page(new AuditQuery(null, null, null, null, app.appId(), null)
                    .within(access.scopeOf(name)), null, 5).isEmpty();
            case AUDIT_EXPORT -> {
                var out = new java.io.ByteArrayOutputStream();
                export.csv(new AuditQuery(null, null, null, null, app.appId(), null).within(access.scopeOf(name)), out);
                yield out.toString(java.nio.charset.StandardCharsets.UTF_8).strip().lines().count() > 1;
            }
            case JOBS -> access.scopeOf(name).permits(app.appId());
            case ACCOUNTS -> {
                try {
                    admin.list(actor);
                    yield true;
                } catch (RoamdeskException refused) {
                    yield false;
                }
            }
        };
    }

    private String account(Role role, AppScope scope) {
        String name = "scope-" + role.name().toLowerCase().replace('_', '-') + "-" + COUNTER.incrementAndGet() + "-"
                + System.nanoTime() % 1_000_000;
        accounts.create(name, "a-long-enough-password", role);
        access.setScope(name, scope);
        return name;
    }
}
