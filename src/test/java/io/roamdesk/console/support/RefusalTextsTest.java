package io.roamdesk.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.AppService;
import io.roamdesk.console.ConsoleTranslations;
import io.roamdesk.roaming.DeletionService;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Refusals the services word in the vendor's English reach a Chinese console in Chinese. */
class RefusalTextsTest {

    private final ConsoleTranslations texts = new ConsoleTranslations();

    private String in(Locale locale, String refusal) {
        return RefusalTexts.of(refusal, (key, params) -> texts.getTranslation(key, locale, params));
    }

    @Test
    void everyListedRefusalHasAChineseTextAndAnEnglishOne() {
        for (RefusalTexts.Rule r : RefusalTexts.RULES) {
            assertThat(texts.getTranslation(r.key(), Locale.CHINESE)).as(r.key()).doesNotStartWith("!");
            assertThat(texts.getTranslation(r.key(), Locale.ENGLISH)).as(r.key()).doesNotStartWith("!");
        }
    }

    @Test
    void refusalsAConsoleUserMeetsAreTranslatedWithTheirDetails() {
        List<String> refusals = List.of(AppService.ROAMING_OFF, "this appKey not open message one-way delete",
                DeletionService.TOO_MANY_IDS, "a reason (1-500 characters) is required",
                "message 915507126179201024 does not belong to this conversation",
                "conversation_cap must be between 1 and 2000", "roaming is already true",
                "username must be 1-64 characters of a-z 0-9 _ - .",
                "The settings were changed by someone else meanwhile; reload and try again");
        for (String refusal : refusals) {
            String chinese = in(Locale.CHINESE, refusal);
            assertThat(chinese).as(refusal).isNotEqualTo(refusal).doesNotStartWith("!")
                    .matches(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                            "contains Chinese");
        }
        assertThat(in(Locale.CHINESE, "message 915507126179201024 does not belong to this conversation"))
                .isEqualTo("消息 915507126179201024 不属于这个会话。");
        assertThat(in(Locale.ENGLISH, "conversation_cap must be between 1 and 2000"))
                .isEqualTo("conversation_cap must be between 1 and 2000.");
        assertThat(in(Locale.CHINESE, "something no rule knows")).isEqualTo("something no rule knows");
    }
}
