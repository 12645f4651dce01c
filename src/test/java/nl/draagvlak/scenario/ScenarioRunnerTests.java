package nl.draagvlak.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario runner never lets an expectation pass because it names a rule that does not exist. */
class ScenarioRunnerTests {

    private static final String REQUEST = """
            description: a company's change with nothing else known
            request:
              initiative: { kind: OTHER_CHANGE, organisationType: COMPANY }
            expect:
            """;

    private static CompiledRuleset ruleset;

    @TempDir
    Path cases;

    @BeforeAll
    static void compileRules() {
        ruleset = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules")));
    }

    @Test
    void aMisspeltDoesNotFireIdIsADifferenceNotAPass() {
        ScenarioResult result = run("  doesNotFire: [MIG-NO-VISON]\n");

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).containsExactly(
                "expect.doesNotFire names MIG-NO-VISON, which is the id of no rule in the ruleset");
    }

    @Test
    void aMisspeltNotListedIdIsADifferenceNotAPass() {
        ScenarioResult result = run("  notListed: [{ rule: MIG-NO-ADMIN-CHAMPOIN }]\n");

        assertThat(result.differences()).containsExactly(
                "expect.notListed names MIG-NO-ADMIN-CHAMPOIN, which is the id of no rule in the ruleset");
    }

    @Test
    void aRemedyTheServiceDoesNotAdviseIsADifference() throws Exception {
        Path file = cases.resolve("remedy.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(Path.of(
                "test-cases/remedies/back-office-not-in-order-is-remedied-by-putting-it-in-order.yaml"))
                .replace("path: preconditions.backOfficeInOrder", "path: preconditions.efficiencyGain"));
        ScenarioResult result = new ScenarioRunner().run(ruleset, ScenarioFiles.read(cases, file));

        assertThat(result.differences()).singleElement().asString()
                .startsWith("remedies: expected READY by {preconditions.efficiencyGain=true}, advised [READY by "
                        + "{preconditions.backOfficeInOrder=true}");
    }

    @Test
    void aMisspeltVerdictRuleIsNamedAsSuch() {
        ScenarioResult result = run("  verdictRule: VERDICT-INSUFICIENT\n");

        assertThat(result.differences()).contains(
                "expect.verdictRule names VERDICT-INSUFICIENT, which is the id of no rule in the ruleset");
    }

    @Test
    void existingIdsThatHoldPass() {
        ScenarioResult result = run("""
                  verdictRule: VERDICT-INSUFFICIENT
                  doesNotFire: [MIG-NO-VISION]
                  notListed: [MIG-NO-ADMIN-CHAMPION]
                  notAssessed: [MIG-NO-VISION]
                """);

        assertThat(result.differences()).isEmpty();
    }

    private ScenarioResult run(String expectations) {
        Path file = cases.resolve("scenario.yaml");
        try {
            Files.writeString(file, REQUEST + expectations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScenarioRunner().run(ruleset, ScenarioFiles.read(cases, file));
    }
}
