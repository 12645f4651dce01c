package nl.draagvlak.scenario;

import java.util.List;

/**
 * One expected (or excluded) rule outcome of a scenario: a rule id, optionally narrowed to a
 * stakeholder by department ({@code subject}) or position ({@code stakeholderIndex}), and for
 * "not assessed" optionally the exact missing inputs.
 */
record Expectation(String rule, String subject, Integer stakeholderIndex, List<String> missing) {

    boolean matches(String ruleId, String actualSubject, Integer actualIndex) {
        return rule.equals(ruleId)
                && (subject == null || subject.equals(actualSubject))
                && (stakeholderIndex == null || stakeholderIndex.equals(actualIndex));
    }

    String describe() {
        StringBuilder text = new StringBuilder(rule);
        if (subject != null) {
            text.append(" subject=").append(subject);
        }
        if (stakeholderIndex != null) {
            text.append(" stakeholderIndex=").append(stakeholderIndex);
        }
        if (missing != null) {
            text.append(" missing=").append(missing);
        }
        return text.toString();
    }
}
