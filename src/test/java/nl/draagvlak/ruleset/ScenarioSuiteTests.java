package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.scenario.ScenarioFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios run on several threads at once, and say the same, in the same order, as one after the other. */
class ScenarioSuiteTests {

    private static CompiledRuleset rules;

    @BeforeAll
    static void compile() {
        rules = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules")));
    }

    @Test
    void scenariosRunAtOnceAreListedInPathOrderWithTheResultsOfARunOneAfterTheOther() {
        List<ScenarioSuite.Run> oneByOne = new ScenarioSuite(Path.of("test-cases"), 1).run(rules);
        List<ScenarioSuite.Run> atOnce = new ScenarioSuite(Path.of("test-cases"), 4).run(rules);

        assertThat(atOnce).hasSize(oneByOne.size()).hasSizeGreaterThan(100);
        assertThat(atOnce).extracting(ScenarioSuite.Run::name)
                .containsExactlyElementsOf(oneByOne.stream().map(ScenarioSuite.Run::name).toList());
        assertThat(atOnce).extracting(ScenarioSuite.Run::passed)
                .containsExactlyElementsOf(oneByOne.stream().map(ScenarioSuite.Run::passed).toList());
        assertThat(atOnce).extracting(ScenarioSuiteTests::said)
                .containsExactlyElementsOf(oneByOne.stream().map(ScenarioSuiteTests::said).toList());
    }

    @Test
    void aFailingOrUnreadableScenarioAmongManyIsNamedInPathOrder(@TempDir Path cases) throws IOException {
        copy(Path.of("test-cases/migration"), cases);
        List<Path> files = ScenarioFiles.list(cases);
        assertThat(files).hasSizeGreaterThan(10);
        Path failing = files.stream().filter(ScenarioSuiteTests::expectsAVerdict).skip(1).findFirst().orElseThrow();
        String scenario = Files.readString(failing);
        Files.writeString(failing, scenario.contains("  verdict: READY\n")
                ? scenario.replace("  verdict: READY\n", "  verdict: NOT_READY\n")
                : scenario.replaceFirst("  verdict: \\w+\n", "  verdict: READY\n"));
        Path unreadable = files.get(files.size() - 2);
        Files.writeString(unreadable, "request: [unclosed");

        List<String> failingNames = new ScenarioSuite(cases, 3).failing(rules);

        assertThat(failingNames).containsExactly(ScenarioFiles.displayName(cases, failing),
                ScenarioFiles.displayName(cases, unreadable));
    }

    private static boolean expectsAVerdict(Path scenario) {
        try {
            return Files.readString(scenario).contains("\n  verdict: ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a run says: the scenario's differences, or why it could not run. */
    private static Object said(ScenarioSuite.Run run) {
        return run.result() == null ? run.error() : run.result().differences();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> listed = Files.list(from)) {
            for (Path file : listed.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
