package nl.draagvlak.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;

/**
 * What each rule concluded in one decision, by rule id: per stakeholder index (or none), whether it
 * fired or was not assessed and with which missing inputs. A rule that is neither is absent.
 * The subject is left out on purpose: it names the entry, it is not part of what was decided.
 */
record RuleOutcomes(Map<String, Set<String>> byRule) {

    private static final DecisionEngine ENGINE = new DecisionEngine();

    static RuleOutcomes of(CompiledRuleset ruleset, DecisionRequest request) {
        Decision decision = ENGINE.decide(ruleset, request, false);
        Map<String, Set<String>> byRule = new TreeMap<>();
        for (Finding finding : decision.findings()) {
            byRule.computeIfAbsent(finding.ruleId(), id -> new TreeSet<>())
                    .add(finding.stakeholderIndex() + " fires");
        }
        for (NotAssessed gap : decision.notAssessed()) {
            List<String> missing = new ArrayList<>(new TreeSet<>(gap.missing()));
            byRule.computeIfAbsent(gap.ruleId(), id -> new TreeSet<>())
                    .add(gap.stakeholderIndex() + " not assessed, missing " + missing);
        }
        return new RuleOutcomes(byRule);
    }

    Set<String> of(String ruleId) {
        return byRule.getOrDefault(ruleId, Set.of());
    }

    /** Whether the rule concluded anything for the stakeholder at this index (null: the rule has no subject). */
    String status(String ruleId, Integer index) {
        String prefix = index + " ";
        return of(ruleId).stream().filter(outcome -> outcome.startsWith(prefix)).findFirst()
                .map(outcome -> outcome.substring(prefix.length())).orElse("absent");
    }
}
