package io.roamdesk.app;

/** The value-added switches and limits of one app. */
public record AppSettings(
        boolean roamingEnabled,
        boolean oneWayDeleteEnabled,
        boolean restInList,
        int conversationCap,
        int legacyDays,
        int legacyCount) {

    public static AppSettings defaults() {
        return new AppSettings(false, false, false, 100, 7, 10);
    }

    public AppSettings withRoaming(boolean on) {
        return new AppSettings(on, oneWayDeleteEnabled, restInList, conversationCap, legacyDays, legacyCount);
    }

    public AppSettings withOneWayDelete(boolean on) {
        return new AppSettings(roamingEnabled, on, restInList, conversationCap, legacyDays, legacyCount);
    }

    public AppSettings withRestInList(boolean on) {
        return new AppSettings(roamingEnabled, oneWayDeleteEnabled, on, conversationCap, legacyDays, legacyCount);
    }
}
