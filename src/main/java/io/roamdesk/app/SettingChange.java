package io.roamdesk.app;

/** One recorded change of a setting: who, when, old → new, why. */
public record SettingChange(long changedAt, String actor, Setting setting, String oldValue, String newValue,
        String reason) {
}
