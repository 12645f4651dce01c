package nl.draagvlak.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.scenario.Scenario;
import nl.draagvlak.scenario.ScenarioFiles;

/**
 * Checks the plain-Java floor against the engine: on the three bench requests (must agree, else
 * exit 1) and on every scenario request under test-cases/ (reported; also exit 1 on a difference).
 * <pre>java -cp target/bench/benchmarks.jar nl.draagvlak.engine.PlainJavaSelfTest [test-cases]</pre>
 */
public final class PlainJavaSelfTest {

    private PlainJavaSelfTest() {
    }

    public static void main(String[] args) {
        CompiledRuleset ruleset = new RulesetCompiler().compile(RuleFolder.read(BenchRequests.rulesDir()));
        DecisionEngine engine = new DecisionEngine();
        List<String> failures = new ArrayList<>();
        for (String name : BenchRequests.NAMES) {
            DecisionRequest request = BenchRequests.named(name);
            Decision decision = engine.decide(ruleset, request, true);
            String difference = Agreement.difference(decision, PlainJavaGuidance.decide(request));
            System.out.printf("%-8s %3d findings, %3d not assessed, %4d firings, %4d trace entries, %s: %s%n", name,
                    decision.findings().size(), decision.notAssessed().size(), decision.firings(),
                    decision.trace().size(), decision.verdict(), difference == null ? "agrees" : difference);
            if (difference != null) {
                failures.add(name);
            }
        }
        Path cases = Path.of(args.length > 0 ? args[0] : "test-cases");
        RequestReader reader = new RequestReader();
        int agreed = 0;
        int skipped = 0;
        for (Path file : ScenarioFiles.list(cases)) {
            Scenario scenario = ScenarioFiles.read(cases, file);
            DecisionRequest request;
            try {
                request = reader.read(scenario.requestJson());
            } catch (InvalidRequestException e) {
                skipped++;
                continue;
            }
            String difference = Agreement.difference(engine.decide(ruleset, request, false), PlainJavaGuidance.decide(request));
            if (difference == null) {
                agreed++;
            } else {
                failures.add(scenario.file());
                System.out.println(scenario.file() + ": " + difference);
            }
        }
        System.out.printf("scenarios under %s: %d agree, %d differ, %d not valid requests%n", cases, agreed,
                failures.size() - failures.stream().filter(BenchRequests.NAMES::contains).count(), skipped);
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
