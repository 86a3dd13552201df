package io.roamdesk.audit;

/**
 * Every kind of audited action. The writer records {@link #name()}; the console's action filter
 * and its translated labels ({@code audit.action.<NAME>}) come from this list, so they cannot drift.
 */
public enum AuditAction {
    SIGN_IN,
    PASSWORD_CHANGE,
    ACCOUNT_CREATE,
    SETTING_CHANGE,
    REVOKE_TOKENS,
    PREVIEW,
    CONTENT_REVEAL,
    CONTENT_VIEW,
    CONTENT_SEARCH,
    DELETE_ONE_WAY_IDS,
    DELETE_ONE_WAY_TIME,
    DELETE_CONVERSATION,
    DELETE_CONVERSATION_FOR_ALL,
    CLEAR_ALL,
    DELETE_USER,
    SET_USER_PASSWORD,
    RECALL,
    APP_CREATE,
    APP_DISABLE,
    APP_ENABLE,
    CLIENT_CREATE,
    CLIENT_ROTATE_SECRET,
    CLIENT_DISABLE,
    CLIENT_ENABLE,
    ACCOUNT_DISABLE,
    ACCOUNT_ENABLE,
    ACCOUNT_PASSWORD_RESET,
    ACCOUNT_UNLOCK,
    UNDO_DELETION,
    RESTORE_DELETED_FOR_ALL,
    PURGE_DELETED_FOR_ALL,
    /** One run of the scheduled retention purge of an app (started with its cut-off, completed with counts). */
    RETENTION_PURGE,
    /** Message content exported (a conversation or all of one user's), with the message count. */
    CONTENT_EXPORT;

    /** The message key of this action's name in the console's bundles. */
    public String labelKey() {
        return "audit.action." + name();
    }
}
