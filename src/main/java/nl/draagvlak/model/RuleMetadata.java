package nl.draagvlak.model;

import java.util.Map;

/** Reads a rule's {@code @name("value")} metadata as plain text. */
public final class RuleMetadata {

    private RuleMetadata() {
    }

    /** The value, or null when absent. The executable model hands string values back with their quotes. */
    public static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
