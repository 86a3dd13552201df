package io.roamdesk.app;

/** The value-added switches and limits of one app. */
public record AppSettings(
        boolean roamingEnabled,
        boolean oneWayDeleteEnabled,
        boolean restInList,
        int conversationCap,
        int legacyDays,
        int legacyCount,
        int recallWindowSeconds,
        int undoWindowMinutes,
        int deleteGraceHours,
        int retentionDays,
        int bigGroupMembers) {

    /** How long after sending a message may be recalled unless an app token forces it (the vendor's default). */
    public static final int DEFAULT_RECALL_WINDOW_SECONDS = 120;
    /** How long a one-way deletion may be undone (0 = never). */
    public static final int DEFAULT_UNDO_WINDOW_MINUTES = 30;
    /** How long messages deleted for everyone may be restored before they are purged (0 = purged at once). */
    public static final int DEFAULT_DELETE_GRACE_HOURS = 24;
    /**
     * Groups with more members than this keep one "latest message" state instead of a row per member
     * written by each send (read fan-out). 500: a write fan-out of 500 rows still costs a few ms per
     * message (2,000 rows measured 34-64 ms), most groups stay below it on the list's cheapest path,
     * and a user is in few groups this big, so the list merges few of them.
     */
    public static final int DEFAULT_BIG_GROUP_MEMBERS = 500;

    /** The settings without a big-group threshold of their own: the default. */
    public AppSettings(boolean roamingEnabled, boolean oneWayDeleteEnabled, boolean restInList, int conversationCap,
            int legacyDays, int legacyCount, int recallWindowSeconds, int undoWindowMinutes, int deleteGraceHours,
            int retentionDays) {
        this(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount, recallWindowSeconds,
                undoWindowMinutes, deleteGraceHours, retentionDays, DEFAULT_BIG_GROUP_MEMBERS);
    }

    /** The settings without an undo window, grace period or retention of their own: the defaults (kept forever). */
    public AppSettings(boolean roamingEnabled, boolean oneWayDeleteEnabled, boolean restInList, int conversationCap,
            int legacyDays, int legacyCount, int recallWindowSeconds) {
        this(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount, recallWindowSeconds,
                DEFAULT_UNDO_WINDOW_MINUTES, DEFAULT_DELETE_GRACE_HOURS, 0);
    }

    /** The settings without a recall window of their own: the default window. */
    public AppSettings(boolean roamingEnabled, boolean oneWayDeleteEnabled, boolean restInList, int conversationCap,
            int legacyDays, int legacyCount) {
        this(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                DEFAULT_RECALL_WINDOW_SECONDS);
    }

    public static AppSettings defaults() {
        return new AppSettings(false, false, false, 100, 7, 10);
    }

    public AppSettings withRoaming(boolean on) {
        return new AppSettings(on, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withOneWayDelete(boolean on) {
        return new AppSettings(roamingEnabled, on, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withRestInList(boolean on) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, on, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withConversationCap(int cap) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, cap, legacyDays, legacyCount,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withLegacyDays(int days) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, days, legacyCount,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withLegacyCount(int count) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, count,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withRecallWindowSeconds(int seconds) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                seconds, undoWindowMinutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withUndoWindowMinutes(int minutes) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, minutes, deleteGraceHours, retentionDays, bigGroupMembers);
    }

    public AppSettings withDeleteGraceHours(int hours) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, undoWindowMinutes, hours, retentionDays, bigGroupMembers);
    }

    /** Days a message is kept before the retention purge deletes it; 0 keeps messages forever. */
    public AppSettings withRetentionDays(int days) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, days, bigGroupMembers);
    }

    /** Groups with more members than this use read fan-out (0: every group; 3,000, the member limit: none). */
    public AppSettings withBigGroupMembers(int members) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, undoWindowMinutes, deleteGraceHours, retentionDays, members);
    }
}
