package nl.draagvlak.console;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for the request's fields and values, from the messages bundle ({@code field.<section>.<name>},
 * {@code value.<CONSTANT>}); a key not (yet) in a language's bundle falls back to the English one,
 * and a key in none to the name written out ({@code leadTimeMonths}: "Lead time months").
 */
@Component
class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String section(String section) {
        return text("section." + section, humanise(section));
    }

    String field(String section, String field) {
        return text("field." + section + "." + field, humanise(field));
    }

    String value(String value) {
        if (value == null) {
            return text("value.unknown", "unknown");
        }
        return switch (value) {
            case "true" -> text("value.yes", "yes");
            case "false" -> text("value.no", "no");
            default -> text("value." + value, value.matches("[A-Z_]+") ? humanise(value) : value);
        };
    }

    String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** {@code leadTimeMonths} and {@code FRONT_OFFICE} as "Lead time months" and "Front office". */
    static String humanise(String name) {
        String spaced = name.contains("_") ? name.replace('_', ' ').toLowerCase(Locale.ROOT)
                : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
