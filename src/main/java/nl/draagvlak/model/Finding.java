package nl.draagvlak.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a rule found about the plan; inserted as a fact so that the verdict rules can weigh it. */
public record Finding(String ruleId, String ruleName, FindingType type, Severity severity, Department subject,
                      Integer stakeholderIndex, String message, String source) implements Fact {

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
