package io.roamdesk.app;

import io.roamdesk.core.RoamdeskException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "may this console account act on app X": every console screen resolves its apps
 * through here, and every audited change by a console account is checked here again. An app outside
 * the account's scope is answered exactly like an app that does not exist.
 */
@Service
public class AppAccess {

    private final AccountScopeRepository scopes;
    private final AppRepository apps;

    AppAccess(AccountScopeRepository scopes, AppRepository apps) {
        this.scopes = scopes;
        this.apps = apps;
    }

    /**
     * The account's scope; an unknown or disabled account may act on nothing (a disabled account's
     * open tab can still click: every audited change asks here again).
     */
    @Transactional(readOnly = true)
    public AppScope scopeOf(String username) {
        Boolean all = scopes.allAppsOfEnabled(username).orElse(null);
        if (all == null) {
            return AppScope.NONE;
        }
        if (all) {
            return AppScope.ALL;
        }
        return AppScope.of(new HashSet<>(scopes.listedApps(username)));
    }

    @Transactional(readOnly = true)
    public boolean permits(String username, long appId) {
        return scopeOf(username).permits(appId);
    }

    /** Every app the account may act on (enabled or not), ordered by key. */
    @Transactional(readOnly = true)
    public List<App> visibleApps(String username) {
        AppScope scope = scopeOf(username);
        if (scope.allApps()) {
            return apps.findAll();
        }
        // filtered by the database: an account of a few apps never loads the others
        return scope.appIds().isEmpty() ? List.of() : apps.findAll(scope.appIds());
    }

    /** The app if it exists and the account may act on it. */
    @Transactional(readOnly = true)
    public Optional<App> find(String username, AppKey key) {
        return apps.find(key).filter(a -> permits(username, a.appId()));
    }

    /** The app, or the same 404 an unknown app gets. */
    @Transactional(readOnly = true)
    public App require(String username, AppKey key) {
        return find(username, key).orElseThrow(() -> unknown(key.toString()));
    }

    /**
     * Refuses, as unknown, an app outside the account's listed apps: the check every audited change by a
     * console account passes. A name without a console account (service-level tests, scripts) is not an
     * app-scoped account and is not refused here; the console's screens only ever act for signed-in accounts.
     */
    @Transactional(readOnly = true)
    public void check(String username, long appId) {
        boolean exists = scopes.accountExists(username);
        if (exists && !permits(username, appId)) {
            throw unknown("id " + appId);
        }
    }

    /** Sets the account's scope: every app, or exactly {@code appIds} (each must exist). */
    @Transactional
    public void setScope(String username, AppScope scope) {
        for (long id : scope.appIds()) {
            if (apps.find(id).isEmpty()) {
                throw unknown("id " + id);
            }
        }
        int updated = scopes.setAllApps(username, scope.allApps());
        if (updated != 1) {
            throw RoamdeskException.notFound("resource_not_found", "no console account " + username);
        }
        scopes.replaceListedApps(username, scope.appIds());
    }

    private static RoamdeskException unknown(String what) {
        return RoamdeskException.notFound("organization_application_not_found", "Could not find application for " + what);
    }
}
