package nl.draagvlak.check;

import nl.draagvlak.contract.RequestSpace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.engine.RuleProblem;
import nl.draagvlak.engine.RulesetCompilationException;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.engine.TraceEntry;
import nl.draagvlak.ruleset.RulesetLint;
import nl.draagvlak.engine.ThresholdLint;
import nl.draagvlak.scenario.Scenario;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.scenario.ScenarioResult;
import nl.draagvlak.scenario.ScenarioRunner;

/**
 * {@code check [--rules DIR] [--cases DIR]}: what a policy owner runs after editing a rule, and the
 * same gate the running service puts a changed folder through. Compiles and lints the rules
 * (problems as {@code file:line:col message}; the lint includes texts that restate a threshold with
 * another number), runs every scenario, prints a readable diff for each failing one and how many
 * scenarios fire each rule, and names every finding rule that can never fire ({@link RuleReach}).
 * Exit status 0 only if all is well.
 */
public final class CheckCommand {

    private final PrintStream out;

    public CheckCommand(PrintStream out) {
        this.out = out;
    }

    public int run(String[] args) {
        quietLibraryLogging();
        Path rules = Path.of("rules");
        Path cases = Path.of("test-cases");
        for (int i = 0; i < args.length; i++) {
            if ("--rules".equals(args[i]) && i + 1 < args.length) {
                rules = Path.of(args[++i]);
            } else if ("--cases".equals(args[i]) && i + 1 < args.length) {
                cases = Path.of(args[++i]);
            } else {
                out.println("usage: check [--rules DIR] [--cases DIR]");
                return 2;
            }
        }
        CompiledRuleset ruleset;
        try {
            ruleset = new RulesetCompiler().compile(RuleFolder.read(rules));
        } catch (RulesetCompilationException e) {
            e.problems().stream().map(RuleProblem::format).forEach(out::println);
            out.println("FAILED: the rules do not compile (" + e.problems().size() + " problem(s))");
            return 1;
        } catch (RuntimeException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        }
        out.println("rules: " + ruleset.rules().size() + " rules compiled, version " + ruleset.version());
        List<RuleProblem> lint = new RulesetLint().check(ruleset.files());
        lint.stream().map(RuleProblem::format).forEach(out::println);
        out.println("lint: " + (lint.isEmpty() ? "no problems" : lint.size() + " problem(s)"));
        List<DecisionRequest> requests = new ArrayList<>();
        int scenarios = runScenarios(ruleset, cases, requests);
        List<RuleReach.Unreachable> unreachable = new RuleReach().neverFiring(ruleset, requests,
                new RequestSpace(ThresholdLint.numbers(ruleset.files())));
        unreachable.stream().map(RuleReach.Unreachable::describe).forEach(out::println);
        if (!lint.isEmpty()) {
            out.println("FAILED: the lint found " + lint.size() + " problem(s)");
        }
        if (!unreachable.isEmpty()) {
            out.println("FAILED: " + unreachable.size() + " finding rule(s) can never fire");
        }
        return scenarios == 0 && lint.isEmpty() && unreachable.isEmpty() ? 0 : 1;
    }

    /** Drools logs its progress at INFO; a policy owner needs only our own report. */
    static void quietLibraryLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private int runScenarios(CompiledRuleset ruleset, Path cases, List<DecisionRequest> requests) {
        if (!Files.isDirectory(cases)) {
            out.println("FAILED: scenario folder not found: " + cases);
            return 1;
        }
        ScenarioRunner runner = new ScenarioRunner();
        RequestReader reader = new RequestReader();
        Map<String, Integer> scenariosFiring = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (Path file : ScenarioFiles.list(cases)) {
            count++;
            String name = ScenarioFiles.displayName(cases, file);
            try {
                Scenario scenario = ScenarioFiles.read(cases, file);
                ScenarioResult result = runner.run(ruleset, scenario);
                if (result.decision() != null) {
                    requests.add(reader.read(scenario.requestJson()));
                    result.decision().trace().stream().map(TraceEntry::ruleId).distinct()
                            .forEach(id -> scenariosFiring.merge(id, 1, Integer::sum));
                }
                if (!result.passed()) {
                    failures.add(name);
                    out.println("FAIL " + name + "  (" + result.scenario().description() + ")");
                    result.differences().forEach(difference -> out.println("     " + difference));
                }
            } catch (RuntimeException e) {
                failures.add(name);
                out.println("FAIL " + name);
                out.println("     " + e.getMessage());
            }
        }
        List<String> ids = ruleset.rules().stream().map(RuleInfo::id).distinct().sorted().toList();
        int width = ids.stream().mapToInt(String::length).max().orElse(0);
        out.println("coverage per rule (scenarios that fire it):");
        ids.forEach(id -> out.println("  " + id + " ".repeat(width - id.length()) + "  "
                + scenariosFiring.getOrDefault(id, 0)));
        List<String> neverFired = ids.stream().filter(id -> !scenariosFiring.containsKey(id)).toList();
        out.println("coverage: " + (ruleset.rules().size() - neverFired.size()) + "/" + ruleset.rules().size()
                + " rules fired by some scenario" + (neverFired.isEmpty() ? "" : "; never fired: "
                + String.join(", ", neverFired)));
        out.println((failures.isEmpty() ? "OK: " : "FAILED: ") + (count - failures.size()) + "/" + count
                + " scenarios pass");
        return failures.isEmpty() && count > 0 ? 0 : 1;
    }
}
