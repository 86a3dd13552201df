package io.roamdesk.console.support;

import io.roamdesk.core.RoamdeskException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's words for a service's refusal. The services speak the vendor's English (the REST
 * API must keep it byte for byte); in the console each refusal a person can meet is matched here
 * and said through the bundles ({@code refusal.*}), its variable parts passed on. A refusal not
 * listed is shown as the service wrote it.
 */
public final class RefusalTexts {

    record Rule(Pattern pattern, String key) {
    }

    static final List<Rule> RULES = List.of(
            rule("this appKey not open message roaming", "refusal.roamingOff"),
            rule("this appKey not open message one-way delete", "refusal.oneWayOff"),
            rule("delete msg list limit can not greater than 50", "refusal.tooManyIds"),
            rule("a reason \\(1-(\\d+) characters\\) is required", "refusal.reasonRequired"),
            rule("a reason is required to read message content", "refusal.revealReason"),
            rule("a single chat needs two different users", "refusal.sameUser"),
            rule("message (\\d+) does not belong to this conversation", "refusal.notInConversation"),
            rule("delTime (\\d+) is in the future \\(server time (\\d+)\\)", "refusal.future"),
            rule("(\\S+) must be 1-64 characters of a-z 0-9 _ - \\.", "refusal.name"),
            rule("(\\S+) must be between (\\d+) and (\\d+)", "refusal.range"),
            rule("(\\S+) must be a whole number", "refusal.number"),
            rule("(\\S+) is already (\\S+)", "refusal.already"),
            rule("The settings were changed by someone else meanwhile; reload and try again", "refusal.concurrent"),
            rule("Could not find application", "refusal.noApp"),
            rule("Application (\\S+) already exists", "refusal.appExists"),
            rule("group (\\S+) does not exist", "refusal.noGroup"),
            rule("Service resource not found: user (\\S+)", "refusal.noUser"),
            rule("app key must look like org#app", "refusal.appKey"),
            rule("cursor is not valid", "refusal.cursor"),
            rule("cursor belongs to another conversation or query", "refusal.cursor"),
            rule("startTime must not be after endTime", "refusal.timeOrder"),
            rule("password must be 1-64 characters and at most 72 bytes in UTF-8", "refusal.password"));

    private RefusalTexts() {
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex), key);
    }

    /** The refusal in the console's language. */
    public static String of(RoamdeskException e) {
        return of(e.description(), Feedback::translate);
    }

    static String of(String text, java.util.function.BiFunction<String, Object[], String> translate) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(text);
            if (m.matches()) {
                Object[] parts = new Object[m.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = m.group(i + 1);
                }
                return translate.apply(r.key(), parts);
            }
        }
        return text;
    }
}
