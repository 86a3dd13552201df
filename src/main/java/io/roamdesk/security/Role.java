package io.roamdesk.security;

/** Console roles. Route annotations use the constants, Spring Security the authority names. */
public enum Role {
    SUPPORT, APP_ADMIN, AUDITOR;

    public static final String SUPPORT_NAME = "SUPPORT";
    public static final String APP_ADMIN_NAME = "APP_ADMIN";
    public static final String AUDITOR_NAME = "AUDITOR";
}
