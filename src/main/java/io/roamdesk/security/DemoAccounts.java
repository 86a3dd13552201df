package io.roamdesk.security;

import java.util.Map;

/** The documented demo console accounts (README): created only for demo runs, refused everywhere else. */
public final class DemoAccounts {

    public static final Map<String, String> PASSWORDS = Map.of(
            "support", "support-demo",
            "admin", "admin-demo",
            "auditor", "auditor-demo");
    public static final Map<String, Role> ROLES = Map.of(
            "support", Role.SUPPORT,
            "admin", Role.APP_ADMIN,
            "auditor", Role.AUDITOR);

    private DemoAccounts() {
    }

    static boolean isDemoCredential(String username, Object password) {
        return password != null && password.toString().equals(PASSWORDS.get(username));
    }
}
