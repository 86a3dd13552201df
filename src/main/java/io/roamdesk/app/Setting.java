package io.roamdesk.app;

import io.roamdesk.core.RoamdeskException;

/** Every setting an administrator may change, with its valid values. */
public enum Setting {
    ROAMING(true, 0, 0),
    ONE_WAY_DELETE(true, 0, 0),
    REST_IN_LIST(true, 0, 0),
    CONVERSATION_CAP(false, 1, 10_000),
    LEGACY_DAYS(false, 1, 365),
    LEGACY_COUNT(false, 1, 100),
    /** Seconds after sending within which a message may be recalled; at most 7 days, like the vendor's. */
    RECALL_WINDOW(false, 1, 7 * 24 * 3600),
    /** Minutes within which support may undo a one-way deletion; 0 = undo is off. At most a week. */
    UNDO_WINDOW(false, 0, 7 * 24 * 60),
    /** Hours messages deleted for everyone stay restorable before they are purged; 0 = purged at once. At most 30 days. */
    DELETE_GRACE(false, 0, 30 * 24),
    /** Days messages are kept before the scheduled purge deletes them; 0 keeps them forever (at most 10 years). */
    RETENTION_DAYS(false, 0, 3650),
    /** Groups with more members than this use read fan-out; 0 = every group, 3,000 (the member limit) = none. */
    BIG_GROUP_MEMBERS(false, 0, 3000);

    private final boolean flag;
    private final int min;
    private final int max;

    Setting(boolean flag, int min, int max) {
        this.flag = flag;
        this.min = min;
        this.max = max;
    }

    public boolean isFlag() {
        return flag;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String valueIn(AppSettings s) {
        return switch (this) {
            case ROAMING -> String.valueOf(s.roamingEnabled());
            case ONE_WAY_DELETE -> String.valueOf(s.oneWayDeleteEnabled());
            case REST_IN_LIST -> String.valueOf(s.restInList());
            case CONVERSATION_CAP -> String.valueOf(s.conversationCap());
            case LEGACY_DAYS -> String.valueOf(s.legacyDays());
            case LEGACY_COUNT -> String.valueOf(s.legacyCount());
            case RECALL_WINDOW -> String.valueOf(s.recallWindowSeconds());
            case RETENTION_DAYS -> String.valueOf(s.retentionDays());
            case UNDO_WINDOW -> String.valueOf(s.undoWindowMinutes());
            case DELETE_GRACE -> String.valueOf(s.deleteGraceHours());
            case BIG_GROUP_MEMBERS -> String.valueOf(s.bigGroupMembers());
        };
    }

    /** A copy of {@code s} with this setting set to {@code value}; refuses values out of range. */
    public AppSettings apply(AppSettings s, String value) {
        if (flag) {
            if (!"true".equals(value) && !"false".equals(value)) {
                throw RoamdeskException.badRequest(name().toLowerCase() + " must be true or false");
            }
            boolean on = Boolean.parseBoolean(value);
            return switch (this) {
                case ROAMING -> s.withRoaming(on);
                case ONE_WAY_DELETE -> s.withOneWayDelete(on);
                default -> s.withRestInList(on);
            };
        }
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw RoamdeskException.badRequest(name().toLowerCase() + " must be a whole number");
        }
        if (n < min || n > max) {
            throw RoamdeskException.badRequest(name().toLowerCase() + " must be between " + min + " and " + max);
        }
        return switch (this) {
            case CONVERSATION_CAP -> s.withConversationCap(n);
            case LEGACY_DAYS -> s.withLegacyDays(n);
            case LEGACY_COUNT -> s.withLegacyCount(n);
            case RECALL_WINDOW -> s.withRecallWindowSeconds(n);
            case UNDO_WINDOW -> s.withUndoWindowMinutes(n);
            case DELETE_GRACE -> s.withDeleteGraceHours(n);
            case RETENTION_DAYS -> s.withRetentionDays(n);
            case BIG_GROUP_MEMBERS -> s.withBigGroupMembers(n);
            default -> throw new IllegalStateException(name() + " is a switch");
        };
    }
}
