package nl.draagvlak.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule found about the plan; inserted as a fact so that the verdict rules can weigh it.
 * {@code message} is English, {@code messageNl} Dutch (null when the rule has none).
 */
public record Finding(String ruleId, String ruleName, FindingType type, Severity severity, Department subject,
                      Integer stakeholderIndex, String message, String source, String messageNl) implements Fact {

    public Finding(String ruleId, String ruleName, FindingType type, Severity severity, Department subject,
                   Integer stakeholderIndex, String message, String source) {
        this(ruleId, ruleName, type, severity, subject, stakeholderIndex, message, source, null);
    }

    /** The message in the language, English where the rule has no Dutch one. */
    public String message(Language language) {
        return language == Language.NL && messageNl != null ? messageNl : message;
    }

    // Getters for rule patterns: DRL constraints read bean properties.
    public String getRuleId() { return ruleId; }
    public FindingType getType() { return type; }
    public Severity getSeverity() { return severity; }

    @Override
    public String label() {
        return "Finding(" + ruleId + (stakeholderIndex == null ? "" : "[" + stakeholderIndex + "]") + ")";
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ruleId", ruleId);
        values.put("severity", severity.name());
        if (stakeholderIndex != null) {
            values.put("stakeholderIndex", stakeholderIndex);
        }
        return values;
    }
}
