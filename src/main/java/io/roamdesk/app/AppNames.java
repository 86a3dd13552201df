package io.roamdesk.app;

import io.roamdesk.core.RoamdeskException;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for a new app's names, beyond {@link AppKey}'s syntax (lowercase letters, digits, {@code _}
 * and {@code -}, starting with a letter or digit, 1–64 characters, like a username). The REST API lives
 * at {@code /{org}/{app}/...}, beside the console's routes, the actuator and the gateway: an org named
 * like one of those would make its API unreachable or shadow our own pages, so those org names are
 * refused. {@code AppNamesTest} checks that every console route's first segment is in the list.
 */
public final class AppNames {

    public static final Set<String> RESERVED_ORGS = Set.of(
            // our own paths: actuator, gateway, Vaadin's resources, Spring's error page
            "actuator", "internal", "vaadin", "error", "frontend", "themes", "icons", "images", "offline",
            // the console's routes
            "login", "logout", "apps", "users", "history", "audit", "jobs", "accounts", "change-password",
            "admin", "console", "api");

    private AppNames() {
    }

    /** A new app's key from what an operator typed: trimmed and lowercased, then checked. */
    public static AppKey forNewApp(String org, String app) {
        String o = org == null ? "" : org.strip().toLowerCase(Locale.ROOT);
        String a = app == null ? "" : app.strip().toLowerCase(Locale.ROOT);
        AppKey key;
        try {
            key = new AppKey(o, a);
        } catch (RoamdeskException e) {
            throw RoamdeskException.badRequest("org and app names are 1-64 characters of a-z, 0-9, '_' and '-', "
                    + "starting with a letter or digit");
        }
        check(key);
        return key;
    }

    static void check(AppKey key) {
        if (RESERVED_ORGS.contains(key.org())) {
            throw RoamdeskException.badRequest("the org name '" + key.org()
                    + "' is reserved: Roamdesk's own pages live at that path");
        }
    }
}
