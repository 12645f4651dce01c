package nl.draagvlak.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.audit.ChainVerifier;
import nl.draagvlak.model.Severity;
import tools.jackson.databind.JsonNode;

/**
 * One stored decision as the decision page shows it: the input as a form, the verdict and the
 * rule that set it, the findings by severity, the trace step by step with each fact matched and
 * the rule's text at the version that ran, what was not assessed, and the record's place in the chain.
 */
record DecisionPage(String decisionId, String decidedAt, String caller, String rulesetVersion, long sequence,
                    String hash, String verdict, Step verdictRule, List<InputSection> input,
                    List<InputSection> stakeholders, List<SeverityGroup> findings, int findingCount,
                    List<Gap> notAssessed, List<Step> trace, ChainVerifier.RecordCheck chain) {

    record InputField(String label, String value, boolean known) {
    }

    record InputSection(String title, List<InputField> fields) {
    }

    record Finding(String ruleId, String type, String subject, Integer stakeholderIndex, String message,
                   String source) {
    }

    record SeverityGroup(String severity, List<Finding> findings) {
    }

    record Gap(String ruleId, String subject, Integer stakeholderIndex, List<String> missing) {
    }

    record Value(String name, String value) {
    }

    record Fact(String label, List<Value> values) {
    }

    /** One rule firing: its order, the rule, the facts it matched (as they were) and its DRL text at that version. */
    record Step(int seq, String ruleId, String rule, String file, List<Fact> facts, String drl) {
    }

    static List<SeverityGroup> bySeverity(JsonNode findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            groups.put(severity.name(), new ArrayList<>());
        }
        for (JsonNode finding : findings) {
            groups.computeIfAbsent(finding.path("severity").asText(), s -> new ArrayList<>()).add(new Finding(
                    finding.path("ruleId").asText(), finding.path("type").asText(), text(finding.get("subject")),
                    finding.hasNonNull("stakeholderIndex") ? finding.get("stakeholderIndex").asInt() : null,
                    finding.path("message").asText(), finding.path("source").asText()));
        }
        List<SeverityGroup> result = new ArrayList<>();
        groups.forEach((severity, list) -> {
            if (!list.isEmpty()) {
                result.add(new SeverityGroup(severity, List.copyOf(list)));
            }
        });
        return result;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
