package nl.draagvlak.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.engine.ThresholdLint;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.scenario.ScenarioFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rule that is not assessed lists as {@code missing} exactly the unknown inputs that could change
 * its outcome (catalogue, reading 11): once every listed input is known the rule is decided, and
 * each listed input decides it one way or the other for some values of the others. Checked by
 * trying every combination of values of the missing inputs, on every scenario's request and on
 * requests drawn at random.
 */
class MissingInputsTests {

    private static final int RANDOM_REQUESTS = 40;
    private static final int MOST_COMBINATIONS = 64;

    private static CompiledRuleset ruleset;
    private static RequestSpace space;
    private static List<Map<String, Object>> requests;
    private final DecisionEngine engine = new DecisionEngine();

    @BeforeAll
    static void compileAndDrawRequests() {
        ruleset = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules")));
        space = new RequestSpace(ThresholdLint.numbers(ruleset.files()));
        requests = new ArrayList<>();
        Path cases = Path.of("test-cases");
        for (Path file : ScenarioFiles.list(cases)) {
            requests.add(RequestSpace.parse(ScenarioFiles.read(cases, file).requestJson()));
        }
        requests.addAll(space.random(27, RANDOM_REQUESTS));
    }

    @Test
    void missingNamesExactlyTheUnknownInputsThatCouldChangeTheOutcome() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> request : requests) {
            Decision decision = engine.decide(ruleset, space.read(request), false);
            for (NotAssessed gap : decision.notAssessed()) {
                // null: too many combinations, or the whole list (no values to try; reading 5 fixes what it lists)
                Map<List<Object>, String> outcomes = outcomesOfEveryCombination(request, gap);
                if (outcomes == null) {
                    continue;
                }
                checked++;
                String where = gap.ruleId() + (gap.stakeholderIndex() == null ? "" : "[" + gap.stakeholderIndex() + "]")
                        + " missing " + gap.missing() + " in " + request;
                outcomes.forEach((values, outcome) -> {
                    if (outcome.startsWith("not assessed")) {
                        wrong.add(where + ": with " + values + " still " + outcome);
                    }
                });
                for (int i = 0; i < gap.missing().size(); i++) {
                    if (!decides(outcomes, i)) {
                        wrong.add(where + ": " + gap.missing().get(i) + " never changes the outcome");
                    }
                }
            }
        }
        assertThat(checked).as("not-assessed rules checked").isGreaterThan(500);
        assertThat(wrong).isEmpty();
    }

    /** The rule's outcome for each combination of values of the missing inputs; null when there are too many. */
    private Map<List<Object>, String> outcomesOfEveryCombination(Map<String, Object> request, NotAssessed gap) {
        var combinations = space.combinations(request, gap.missing(), MOST_COMBINATIONS);
        if (combinations == null) {
            return null;
        }
        Map<List<Object>, String> outcomes = new HashMap<>();
        combinations.forEach((values, known) -> outcomes.put(values,
                RuleOutcomes.of(ruleset, space.read(known)).status(gap.ruleId(), gap.stakeholderIndex())));
        return outcomes;
    }

    /** Whether two combinations that differ only in input {@code i} have different outcomes. */
    private static boolean decides(Map<List<Object>, String> outcomes, int i) {
        Map<List<Object>, String> seen = new HashMap<>();
        for (Map.Entry<List<Object>, String> entry : outcomes.entrySet()) {
            List<Object> others = new ArrayList<>(entry.getKey());
            others.remove(i);
            String earlier = seen.putIfAbsent(others, entry.getValue());
            if (earlier != null && !earlier.equals(entry.getValue())) {
                return true;
            }
        }
        return false;
    }
}
