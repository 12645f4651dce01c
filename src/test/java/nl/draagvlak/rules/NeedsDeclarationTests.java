package nl.draagvlak.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.contract.RequestSpace.Input;
import nl.draagvlak.engine.ThresholdLint;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.scenario.ScenarioFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a rule declares in {@code @needs} is what callers read in {@code GET /api/v1/rules} to see
 * what an input is used for, so it must be exactly the inputs that can change the rule's outcome.
 * On every scenario's request and on requests drawn at random, each input is set in turn to each
 * value it can take (unknown included); whenever that changes what a rule concludes (fires, not
 * assessed and with which missing inputs, or neither), the input must be declared; and every
 * declared input must change the outcome somewhere.
 *
 * <p>Paths as declared: {@code section.field}; {@code stakeholders[].field} for any entry;
 * {@code designStrategy} or {@code changeStrategy} alone for whether that section is given (what a
 * field changes by making its section given or not given, when that field changes nothing once
 * the section is given); {@code stakeholders}
 * for whether the list is given, which every {@code stakeholders[]} need implies, because an
 * absent list is what leaves each entry's inputs unknown.
 */
class NeedsDeclarationTests {

    private static final int RANDOM_REQUESTS = 120;
    private static final Set<String> SECTIONS_WITH_SCOPE = Set.of("designStrategy", "changeStrategy");

    private static CompiledRuleset ruleset;
    private static RequestSpace space;
    private static List<Map<String, Object>> requests;

    @BeforeAll
    static void compileAndDrawRequests() {
        ruleset = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules")));
        space = new RequestSpace(ThresholdLint.numbers(ruleset.files()));
        requests = new ArrayList<>();
        Path cases = Path.of("test-cases");
        for (Path file : ScenarioFiles.list(cases)) {
            requests.add(RequestSpace.parse(ScenarioFiles.read(cases, file).requestJson()));
        }
        requests.addAll(space.random(15, RANDOM_REQUESTS));
    }

    @Test
    void everyRuleDeclaresExactlyTheInputsThatChangeItsOutcome() {
        Map<String, Set<String>> matters = new TreeMap<>();
        Map<String, Set<Input>> madeGivenOrNot = new TreeMap<>();
        int variants = 0;
        for (Map<String, Object> request : requests) {
            DecisionRequest read = space.read(request);
            RuleOutcomes before = RuleOutcomes.of(ruleset, read);
            for (Input input : space.inputs(request)) {
                Object current = RequestSpace.valueOf(request, input);
                for (Object value : space.values(input)) {
                    if (Objects.equals(value, current)) {
                        continue;
                    }
                    Map<String, Object> changed = RequestSpace.with(request, input, value);
                    DecisionRequest variant = space.read(changed);
                    if (variant == null) {
                        continue;
                    }
                    variants++;
                    RuleOutcomes after = RuleOutcomes.of(ruleset, variant);
                    boolean scopeChanged = SECTIONS_WITH_SCOPE.contains(input.section())
                            && RequestSpace.isGiven(request, input.section()) != RequestSpace.isGiven(changed, input.section());
                    for (RuleInfo rule : findingRules()) {
                        if (!before.of(rule.id()).equals(after.of(rule.id()))) {
                            if (scopeChanged) {
                                madeGivenOrNot.computeIfAbsent(rule.id(), id -> new HashSet<>()).add(input);
                            } else {
                                matters.computeIfAbsent(rule.id(), id -> new TreeSet<>()).add(input.declaredPath());
                            }
                        }
                    }
                }
            }
        }
        // A field that made its section given (or not) and changed the outcome: the field itself
        // explains it if it changes the outcome within a given section too; otherwise it was the scope.
        madeGivenOrNot.forEach((rule, inputs) -> {
            Set<String> fields = matters.computeIfAbsent(rule, id -> new TreeSet<>());
            for (Input input : inputs) {
                if (!fields.contains(input.declaredPath())) {
                    fields.add(input.section());
                }
            }
        });
        List<String> wrong = new ArrayList<>();
        for (RuleInfo rule : findingRules()) {
            Set<String> changesIt = matters.getOrDefault(rule.id(), Set.of());
            for (String path : changesIt) {
                if (!declares(rule, path)) {
                    wrong.add(rule.id() + " does not declare " + path + ", which changes its outcome");
                }
            }
            for (String need : rule.needs()) {
                if (!changesIt.contains(need)) {
                    wrong.add(rule.id() + " declares " + need + ", which never changed its outcome");
                }
            }
        }
        assertThat(variants).as("requests tried").isGreaterThan(10_000);
        assertThat(wrong).as("@needs that differ from what the rules read").isEmpty();
    }

    @Test
    void everyMissingInputOfEveryRequestIsDeclaredInItsRulesNeeds() {
        int checked = 0;
        for (Map<String, Object> request : requests) {
            var decision = new nl.draagvlak.engine.DecisionEngine().decide(ruleset, space.read(request), false);
            for (var gap : decision.notAssessed()) {
                RuleInfo rule = ruleOf(gap.ruleId());
                for (String missing : gap.missing()) {
                    String declared = missing.replaceAll("\\[\\d+]", "[]");
                    assertThat(declares(rule, declared)).as(gap.ruleId() + " reports " + missing
                            + " missing but declares @needs " + rule.needs()).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static boolean declares(RuleInfo rule, String path) {
        return rule.needs().contains(path) || (RequestSpace.LIST.equals(path)
                && rule.needs().stream().anyMatch(need -> need.startsWith(RequestSpace.LIST + "[]")));
    }

    private static List<RuleInfo> findingRules() {
        return ruleset.rules().stream().filter(rule -> rule.role() == RuleInfo.Role.FINDING).toList();
    }

    private static RuleInfo ruleOf(String id) {
        return ruleset.rules().stream().filter(rule -> rule.id().equals(id)).findFirst().orElseThrow();
    }
}
