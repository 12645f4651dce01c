package nl.draagvlak.scenario;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.stream.Stream;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario under {@code test-cases/} is a test of its own, named by its file. */
class ScenarioTest {

    private static final Path RULES = Path.of("rules");
    private static final Path CASES = Path.of("test-cases");
    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRules() {
        ruleset = new RulesetCompiler().compile(RuleFolder.read(RULES));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioHoldsOnTheRulesInTheRulesFolder() {
        ScenarioRunner runner = new ScenarioRunner();
        return ScenarioFiles.list(CASES).stream().map(file -> DynamicTest.dynamicTest(
                ScenarioFiles.displayName(CASES, file), file.toUri(), () -> {
                    ScenarioResult result = runner.run(ruleset, ScenarioFiles.read(CASES, file));
                    if (!result.passed()) {
                        fail(result.scenario().file() + " (" + result.scenario().description() + "):\n  "
                                + String.join("\n  ", result.differences()));
                    }
                }));
    }
}
