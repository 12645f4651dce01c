package nl.draagvlak.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.scenario.ScenarioResult;
import nl.draagvlak.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * What a rule declares in {@code @needs} is what callers read in {@code GET /api/v1/rules}; it
 * must cover every input the rule ever reports as missing, in every scenario.
 */
class NeedsDeclarationTests {

    @Test
    void everyMissingInputOfEveryScenarioIsDeclaredInItsRulesNeeds() {
        CompiledRuleset ruleset = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules")));
        Map<String, RuleInfo> rules = ruleset.rules().stream()
                .collect(Collectors.toMap(RuleInfo::id, Function.identity()));
        ScenarioRunner runner = new ScenarioRunner();
        Path cases = Path.of("test-cases");
        int checked = 0;
        for (Path file : ScenarioFiles.list(cases)) {
            ScenarioResult result = runner.run(ruleset, ScenarioFiles.read(cases, file));
            for (NotAssessed gap : result.decision().notAssessed()) {
                RuleInfo rule = rules.get(gap.ruleId());
                for (String missing : gap.missing()) {
                    String declared = missing.replaceAll("\\[\\d+]", "[]");
                    boolean covered = rule.needs().contains(declared)
                            || ("stakeholders".equals(declared)
                                && rule.needs().stream().anyMatch(need -> need.startsWith("stakeholders")));
                    assertThat(covered).as(gap.ruleId() + " reports " + missing + " missing in "
                            + file.getFileName() + " but declares @needs " + rule.needs()).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }
}
