package io.roamdesk.app;

/** One tenant with its current settings; a disabled app keeps its data but its REST API refuses every call. */
public record App(long appId, AppKey key, AppSettings settings, int settingsVersion, boolean enabled) {

    public App(long appId, AppKey key, AppSettings settings, int settingsVersion) {
        this(appId, key, settings, settingsVersion, true);
    }

    public boolean roamingEnabled() {
        return settings.roamingEnabled();
    }
}
