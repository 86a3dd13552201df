package io.roamdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit view's action filter shows every action by a translated name, in both languages. */
class AuditActionLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh.properties"})
    void everyActionHasAName(String bundle) throws IOException {
        Properties texts = new Properties();
        try (var in = getClass().getResourceAsStream("/console-i18n/" + bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (AuditAction action : AuditAction.values()) {
            assertThat(texts.getProperty(action.labelKey())).as(action + " in " + bundle).isNotBlank();
        }
        for (AuditOutcome outcome : AuditOutcome.values()) {
            assertThat(texts.getProperty(outcome.labelKey())).as(outcome + " in " + bundle).isNotBlank();
        }
    }
}
