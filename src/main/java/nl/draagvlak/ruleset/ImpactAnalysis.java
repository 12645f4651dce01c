package nl.draagvlak.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.model.Finding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The impact of a candidate ruleset on past decisions: each stored request is decided again on the
 * candidate and compared with what was answered. A decision changed when its verdict or its
 * findings (rule and stakeholder) differ. Findings are counted per rule: how many a rule raised
 * that the answer did not have (added), and the other way round (removed).
 */
public final class ImpactAnalysis {

    /** Changed decisions named in the report, at most. */
    static final int EXAMPLES = 10;
    /** A request the candidate cannot decide (a rule failed on it) counts as a change to this verdict. */
    static final String FAILED = "RULE_FAILURE";

    /** A past decision: its id, the request as received and the answer as given. */
    public record Past(String decisionId, String requestBody, String responseBody) {
    }

    public record Findings(Map<String, Integer> added, Map<String, Integer> removed) {
    }

    public record Report(int replayed, int changed, Map<String, Integer> verdicts, Findings findings,
                         List<String> examples) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RequestReader reader = new RequestReader();
    private final DecisionEngine engine;

    public ImpactAnalysis(DecisionEngine engine) {
        this.engine = engine;
    }

    public Report replay(CompiledRuleset candidate, List<Past> sample) {
        int changed = 0;
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Past past : sample) {
            JsonNode answered = JSON.readTree(past.responseBody());
            String oldVerdict = answered.path("verdict").asText();
            String newVerdict;
            Map<String, Integer> newFindings = new HashMap<>();
            try {
                Decision decision = engine.decide(candidate,
                        reader.read(past.requestBody().getBytes(StandardCharsets.UTF_8)), false);
                newVerdict = decision.verdict().name();
                for (Finding finding : decision.findings()) {
                    newFindings.merge(key(finding.ruleId(), finding.stakeholderIndex()), 1, Integer::sum);
                }
            } catch (RuntimeException e) {
                newVerdict = FAILED;
            }
            Map<String, Integer> oldFindings = new HashMap<>();
            for (JsonNode finding : answered.path("findings")) {
                JsonNode index = finding.path("stakeholderIndex");
                oldFindings.merge(key(finding.path("ruleId").asText(), index.isNumber() ? index.asInt() : null), 1,
                        Integer::sum);
            }
            boolean verdictChanged = !oldVerdict.equals(newVerdict);
            boolean findingsChanged = !FAILED.equals(newVerdict) && !oldFindings.equals(newFindings);
            if (verdictChanged) {
                verdicts.merge(oldVerdict + "->" + newVerdict, 1, Integer::sum);
            }
            if (findingsChanged) {
                count(newFindings, oldFindings, added);
                count(oldFindings, newFindings, removed);
            }
            if (verdictChanged || findingsChanged) {
                changed++;
                if (examples.size() < EXAMPLES) {
                    examples.add(past.decisionId());
                }
            }
        }
        return new Report(sample.size(), changed, verdicts, new Findings(added, removed), examples);
    }

    private static String key(String ruleId, Integer stakeholderIndex) {
        return stakeholderIndex == null ? ruleId : ruleId + "#" + stakeholderIndex;
    }

    /** Adds, per rule, how many findings of {@code these} are not in {@code those}. */
    private static void count(Map<String, Integer> these, Map<String, Integer> those, Map<String, Integer> into) {
        these.forEach((key, n) -> {
            int extra = n - those.getOrDefault(key, 0);
            if (extra > 0) {
                String ruleId = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
                into.merge(ruleId, extra, Integer::sum);
            }
        });
    }
}
