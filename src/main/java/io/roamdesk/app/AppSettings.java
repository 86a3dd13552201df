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
        int retentionDays) {

    /** How long after sending a message may be recalled unless an app token forces it (the vendor's default). */
    public static final int DEFAULT_RECALL_WINDOW_SECONDS = 120;

    /** The settings without a retention of their own: messages are kept forever (0). */
    public AppSettings(boolean roamingEnabled, boolean oneWayDeleteEnabled, boolean restInList, int conversationCap,
            int legacyDays, int legacyCount, int recallWindowSeconds) {
        this(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, 0);
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
                recallWindowSeconds, retentionDays);
    }

    public AppSettings withOneWayDelete(boolean on) {
        return new AppSettings(roamingEnabled, on, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, retentionDays);
    }

    public AppSettings withRestInList(boolean on) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, on, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, retentionDays);
    }

    public AppSettings withRecallWindowSeconds(int seconds) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                seconds, retentionDays);
    }

    /** Days a message is kept before the retention purge deletes it; 0 keeps messages forever. */
    public AppSettings withRetentionDays(int days) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount,
                recallWindowSeconds, days);
    }
}
