package nl.draagvlak.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.draagvlak.advice.Remedies;
import nl.draagvlak.advice.RemedySearch;
import nl.draagvlak.advice.Remedy;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;

/**
 * Runs a scenario against a compiled ruleset and lists every way the decision differs from what
 * the scenario expects, in words a policy owner can act on. No differences: the scenario passes.
 */
public final class ScenarioRunner {


    private final RequestReader reader = new RequestReader();
    private final DecisionEngine engine = new DecisionEngine();
    /** Scenarios run at a gate, not on a caller's clock: remedies get more time than the API's default. */
    private static final java.time.Duration REMEDY_TIME = java.time.Duration.ofSeconds(10);

    public ScenarioResult run(CompiledRuleset ruleset, Scenario scenario) {
        DecisionRequest request;
        try {
            request = reader.read(scenario.requestJson());
        } catch (InvalidRequestException e) {
            return new ScenarioResult(scenario, null, List.of("the request is not valid: " + e.getMessage()));
        }
        Decision decision = engine.decide(ruleset, request, true);
        List<String> differences = unknownRuleIds(scenario, ruleset);
        differences.addAll(differences(scenario, decision));
        differences.addAll(remedyDifferences(ruleset, scenario));
        return new ScenarioResult(scenario, decision, differences);
    }

    /** Each remedy the scenario states must be among those the service advises (up to as many as stated, at least 3). */
    private List<String> remedyDifferences(CompiledRuleset ruleset, Scenario scenario) {
        if (scenario.remedies().isEmpty()) {
            return List.of();
        }
        Remedies advised = new RemedySearch(engine).search(ruleset, RequestSpace.parse(scenario.requestJson()),
                Math.max(3, scenario.remedies().size()), REMEDY_TIME);
        List<String> differences = new ArrayList<>();
        for (Scenario.ExpectedRemedy expected : scenario.remedies()) {
            boolean found = advised.remedies().stream().anyMatch(remedy -> remedy.verdict().equals(expected.verdict().name())
                    && changes(remedy).equals(expected.changes()));
            if (!found) {
                differences.add("remedies: expected " + expected.verdict() + " by " + expected.changes()
                        + ", advised " + advised.remedies().stream()
                        .map(remedy -> remedy.verdict() + " by " + changes(remedy)).toList()
                        + (advised.complete() ? "" : " (search incomplete)"));
            }
        }
        return differences;
    }

    private static Map<String, Object> changes(Remedy remedy) {
        Map<String, Object> byPath = new java.util.TreeMap<>();
        remedy.changes().forEach(change -> byPath.put(change.path(), change.to()));
        return byPath;
    }

    /**
     * An expectation about a rule id that is no rule would pass for ever (a misspelt
     * {@code doesNotFire} never fires), so naming one is a difference of its own.
     */
    private static List<String> unknownRuleIds(Scenario scenario, CompiledRuleset ruleset) {
        Set<String> ids = ruleset.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<String> differences = new ArrayList<>();
        Map<String, List<Expectation>> lists = new LinkedHashMap<>();
        lists.put("fires", scenario.fires());
        lists.put("doesNotFire", scenario.doesNotFire());
        lists.put("notAssessed", scenario.notAssessed());
        lists.put("notListed", scenario.notListed());
        lists.forEach((list, expectations) -> expectations.stream().map(Expectation::rule)
                .filter(rule -> !ids.contains(rule)).distinct()
                .forEach(rule -> differences.add("expect." + list + " names " + rule
                        + ", which is the id of no rule in the ruleset")));
        if (scenario.verdictRule() != null && !ids.contains(scenario.verdictRule())) {
            differences.add("expect.verdictRule names " + scenario.verdictRule()
                    + ", which is the id of no rule in the ruleset");
        }
        return differences;
    }

    private static List<String> differences(Scenario scenario, Decision decision) {
        List<String> differences = new ArrayList<>();
        if (scenario.verdict() != null && scenario.verdict() != decision.verdict()) {
            differences.add("verdict: expected " + scenario.verdict() + ", got " + decision.verdict()
                    + " (set by " + decision.verdictRuleId() + ")");
        }
        if (scenario.verdictRule() != null && !scenario.verdictRule().equals(decision.verdictRuleId())) {
            differences.add("verdict rule: expected " + scenario.verdictRule() + ", got " + decision.verdictRuleId());
        }
        for (Expectation expected : scenario.fires()) {
            if (decision.findings().stream().noneMatch(f -> matches(expected, f))) {
                differences.add("expected to fire, but did not: " + expected.describe()
                        + notAssessedHint(expected, decision));
            }
        }
        for (Expectation excluded : scenario.doesNotFire()) {
            decision.findings().stream().filter(f -> matches(excluded, f)).forEach(f ->
                    differences.add("expected not to fire, but fired: " + describe(f)));
        }
        for (Expectation expected : scenario.notAssessed()) {
            List<NotAssessed> gaps = decision.notAssessed().stream().filter(n -> matches(expected, n)).toList();
            if (gaps.isEmpty()) {
                differences.add("expected to be not assessed, but was not listed: " + expected.describe()
                        + firedHint(expected, decision));
            } else if (expected.missing() != null
                    && gaps.stream().noneMatch(n -> new HashSet<>(n.missing()).equals(Set.copyOf(expected.missing())))) {
                differences.add("not assessed with other missing inputs: expected " + expected.missing() + ", got "
                        + gaps.stream().map(NotAssessed::missing).toList() + " for " + expected.rule());
            }
        }
        for (Expectation excluded : scenario.notListed()) {
            decision.findings().stream().filter(f -> matches(excluded, f)).forEach(f ->
                    differences.add("expected not to apply, but fired: " + describe(f)));
            decision.notAssessed().stream().filter(n -> matches(excluded, n)).forEach(n ->
                    differences.add("expected not to apply, but listed as not assessed: " + n.ruleId()
                            + " missing=" + n.missing()));
        }
        return differences;
    }

    private static boolean matches(Expectation expectation, Finding finding) {
        return expectation.matches(finding.ruleId(), finding.subject() == null ? null : finding.subject().name(),
                finding.stakeholderIndex());
    }

    private static boolean matches(Expectation expectation, NotAssessed gap) {
        return expectation.matches(gap.ruleId(), gap.subject() == null ? null : gap.subject().name(),
                gap.stakeholderIndex());
    }

    private static String notAssessedHint(Expectation expected, Decision decision) {
        return decision.notAssessed().stream().filter(n -> n.ruleId().equals(expected.rule())).findFirst()
                .map(n -> " (it was not assessed: missing " + n.missing() + ")").orElse("");
    }

    private static String firedHint(Expectation expected, Decision decision) {
        return decision.findings().stream().anyMatch(f -> f.ruleId().equals(expected.rule())) ? " (it fired)" : "";
    }

    private static String describe(Finding finding) {
        return finding.ruleId() + (finding.subject() == null ? "" : " subject=" + finding.subject()
                + " stakeholderIndex=" + finding.stakeholderIndex());
    }
}
