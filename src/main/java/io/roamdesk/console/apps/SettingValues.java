package io.roamdesk.console.apps;

import io.roamdesk.app.Setting;
import io.roamdesk.console.support.Feedback;

/** How a setting's stored value reads in the console: switches as On/Off, numbers as they are (dialog and history alike). */
final class SettingValues {

    private SettingValues() {
    }

    static String label(Setting s, String value) {
        if (!s.isFlag()) {
            return value;
        }
        return Feedback.translate(Boolean.parseBoolean(value) ? "common.on" : "common.off");
    }
}
