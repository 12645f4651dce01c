package nl.draagvlak.model;

import java.util.List;
import java.util.Map;

/**
 * A rule that applies to the plan but could not be decided because inputs it needs are unknown.
 * Inserted as a fact so that VERDICT-INSUFFICIENT can see blocker-severity gaps.
 */
public record NotAssessed(String ruleId, String ruleName, Severity severity, Department subject,
                          Integer stakeholderIndex, List<String> missing) implements Fact {

    public String getRuleId() { return ruleId; }
    public Severity getSeverity() { return severity; }

    @Override
    public String label() {
        return "NotAssessed(" + ruleId + (stakeholderIndex == null ? "" : "[" + stakeholderIndex + "]") + ")";
    }

    @Override
    public Map<String, Object> snapshot() {
        return Map.of("ruleId", ruleId, "missing", missing);
    }
}
