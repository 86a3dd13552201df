package io.roamdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's two bundles have the same keys, and every key a view asks for by a literal exists in
 * them. Keys built at run time from an enum (audit actions) are checked by {@code AuditActionLabelsTest};
 * a literal that starts a built key ({@code "setting." + name}) must start at least one key.
 */
class TranslationKeysTest {

    private static final Path CONSOLE_SOURCES = Path.of("src/main/java/io/roamdesk/console");
    /** Calls that take a bundle key as their first argument. */
    private static final Pattern CALL = Pattern.compile("\\b(?:getTranslation|translate)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Set<String> keys(String bundle) throws IOException {
        Properties texts = new Properties();
        try (var in = TranslationKeysTest.class.getResourceAsStream("/console-i18n/" + bundle)) {
            assertThat(in).as(bundle).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        texts.forEach((k, v) -> assertThat(v.toString()).as(k + " in " + bundle).isNotBlank());
        return new TreeSet<>(texts.stringPropertyNames());
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> chinese = keys("messages_zh.properties");
        assertThat(english).as("keys of the English bundle").hasSizeGreaterThan(100);
        assertThat(chinese).as("keys missing from the Chinese bundle")
                .containsAll(english);
        assertThat(english).as("keys missing from the English bundle").containsAll(chinese);
    }

    @Test
    void everyKeyAViewAsksForIsInBothBundles() throws IOException {
        List<String> used = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CONSOLE_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    String argument = firstArgument(source, call.end());
                    Matcher literal = LITERAL.matcher(argument);
                    while (literal.find()) {
                        String rest = argument.substring(literal.end()).stripLeading();
                        String before = argument.substring(0, literal.start()).stripTrailing();
                        (rest.startsWith("+") || before.endsWith("+") ? prefixes : used)
                                .add(literal.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        // the scan must see the views' keys, or the checks below prove nothing
        assertThat(used).as("keys asked for by a literal").hasSizeGreaterThan(100);
        for (String bundle : List.of("messages.properties", "messages_zh.properties")) {
            Set<String> keys = keys(bundle);
            assertThat(used).as("keys used by the console but missing from " + bundle)
                    .allSatisfy(u -> assertThat(keys).contains(u.substring(0, u.indexOf(' '))));
            assertThat(prefixes).as("built keys with no key in " + bundle)
                    .allSatisfy(p -> {
                        String part = p.substring(0, p.indexOf(' '));
                        // a literal that begins with a dot ends a built key (labelKey() + ".why")
                        assertThat(keys).anyMatch(k -> part.startsWith(".") ? k.endsWith(part) : k.startsWith(part));
                    });
        }
    }

    /** The text of a call's first argument: up to the first comma or closing parenthesis at its level. */
    private static String firstArgument(String source, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if ((c == ')' || c == ',') && depth == 0) {
                return source.substring(from, i);
            } else if (c == ')') {
                depth--;
            }
        }
        return source.substring(from);
    }
}
