package io.roamdesk.security;

import java.util.List;

/**
 * Console roles. Route annotations use the constants, Spring Security the authority names.
 * {@code PLATFORM_ADMIN} is the operator's role (the first account, created from settings): it acts
 * on every app and holds APP_ADMIN's authority as well, so every APP_ADMIN route and action is
 * open to it, and it alone manages apps, API clients and accounts. Every other role acts on all apps
 * or on a list of apps ({@code app.AppAccess}); an AUDITOR of some apps reviews those apps only.
 */
public enum Role {
    SUPPORT, APP_ADMIN, AUDITOR, PLATFORM_ADMIN;

    public static final String SUPPORT_NAME = "SUPPORT";
    public static final String APP_ADMIN_NAME = "APP_ADMIN";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";

    /** The role names Spring Security grants an account of this role (the role itself first). */
    public List<String> granted() {
        return this == PLATFORM_ADMIN ? List.of(name(), APP_ADMIN.name()) : List.of(name());
    }
}
