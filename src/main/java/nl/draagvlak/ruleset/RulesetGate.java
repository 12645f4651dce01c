package nl.draagvlak.ruleset;

import java.util.ArrayList;
import java.util.List;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleProblem;
import nl.draagvlak.engine.RulesetCompilationException;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.engine.RulesetVersion;

/**
 * What a candidate ruleset must pass before it decides anything: it compiles, the lint finds
 * nothing, and every scenario passes on it. Scenarios are only run on a ruleset that compiled and linted clean.
 */
final class RulesetGate {

    private final RulesetCompiler compiler;
    private final RulesetLint lint = new RulesetLint();
    private final ScenarioSuite scenarios;

    RulesetGate(RulesetCompiler compiler, ScenarioSuite scenarios) {
        this.compiler = compiler;
        this.scenarios = scenarios;
    }

    /** The gate's findings on one candidate; {@code ruleset} is null when it did not compile. */
    record Checked(String version, CompiledRuleset ruleset, List<RuleProblem> problems, List<String> failingScenarios) {

        boolean compiledAndLinted() {
            return ruleset != null && problems.isEmpty();
        }

        boolean passed() {
            return compiledAndLinted() && failingScenarios.isEmpty();
        }
    }

    /** @param compiled the candidate already compiled, or null to compile it here */
    Checked check(List<RuleFile> files, CompiledRuleset compiled) {
        String version = RulesetVersion.of(files);
        CompiledRuleset ruleset = compiled;
        List<RuleProblem> problems = new ArrayList<>();
        if (ruleset == null) {
            try {
                ruleset = compiler.compile(files);
            } catch (RulesetCompilationException e) {
                problems.addAll(e.problems());
            } catch (RuntimeException e) {
                problems.add(new RuleProblem("rules", 0, 0, "the rules could not be compiled: " + e.getMessage()));
            }
        }
        problems.addAll(lint.check(files));
        if (ruleset == null || !problems.isEmpty()) {
            return new Checked(version, ruleset, problems, List.of());
        }
        return new Checked(version, ruleset, problems, scenarios.failing(ruleset));
    }

    ScenarioSuite scenarios() {
        return scenarios;
    }
}
