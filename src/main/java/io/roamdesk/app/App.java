package io.roamdesk.app;

/** One tenant with its current settings. */
public record App(long appId, AppKey key, AppSettings settings, int settingsVersion) {

    public boolean roamingEnabled() {
        return settings.roamingEnabled();
    }
}
