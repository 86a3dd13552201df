package io.roamdesk.security;

import java.util.Map;

/** The documented demo console accounts (README): created only for demo runs, refused everywhere else. */
public final class DemoAccounts {

    /** The demo's support account of {@code demo#roaming} only (every other demo account acts on every app). */
    public static final String SCOPED_SUPPORT = "support-roaming";

    public static final Map<String, String> PASSWORDS = Map.of(
            "support", "support-demo",
            "admin", "admin-demo",
            "auditor", "auditor-demo",
            "platform", "platform-demo",
            SCOPED_SUPPORT, "support-roaming-demo");
    public static final Map<String, Role> ROLES = Map.of(
            "support", Role.SUPPORT,
            "admin", Role.APP_ADMIN,
            "auditor", Role.AUDITOR,
            "platform", Role.PLATFORM_ADMIN,
            SCOPED_SUPPORT, Role.SUPPORT);

    private DemoAccounts() {
    }

    static boolean isDemoCredential(String username, Object password) {
        return password != null && password.toString().equals(PASSWORDS.get(username));
    }
}
