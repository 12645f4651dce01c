package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code src/test/resources/bad-rules/} is a rule file the gate must refuse, each for
 * the reason its first line states ({@code // rejected: <what the problem says>}), at its file and line.
 */
class BadRuleFixturesTests {

    private static final Path FIXTURES = Path.of("src/test/resources/bad-rules");
    private final RulesetGate gate = new RulesetGate(new RulesetCompiler(), new ScenarioSuite(Path.of("no-scenarios")));

    @TestFactory
    Stream<DynamicTest> eachBadRuleFileIsRejectedForItsStatedReason() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(FIXTURES)) {
            files = listed.filter(file -> file.toString().endsWith(".drl")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(13);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file);
            String reason = text.lines().findFirst().orElseThrow().replaceFirst("^// rejected: ", "");
            String path = "rules/" + file.getFileName();
            RulesetGate.Checked checked = gate.check(List.of(new RuleFile(path, Files.readAllBytes(file))), null);
            assertThat(checked.passed()).isFalse();
            assertThat(checked.problems()).as(checked.problems().toString()).anySatisfy(problem -> {
                assertThat(problem.message()).contains(reason);
                assertThat(problem.file()).isEqualTo(path);
                assertThat(problem.line()).isPositive();
            });
        }));
    }

    @Test
    void theProjectRulesLintClean() {
        assertThat(new RulesetLint().check(RuleFolder.read(Path.of("rules")))).isEmpty();
    }
}
