package io.roamdesk.console;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * English and Chinese console texts. Vaadin picks the browser's language when it is one of these
 * and English otherwise; a missing Chinese text falls back to English.
 */
@Component
public class ConsoleTranslations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.CHINESE;
    private static final String BUNDLE = "console-i18n.messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(ENGLISH, CHINESE);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale use = CHINESE.getLanguage().equals(locale.getLanguage()) ? CHINESE : Locale.ROOT;
        try {
            String text = ResourceBundle.getBundle(BUNDLE, use, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, use).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
