package nl.draagvlak.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

class ThresholdLintTests {

    @Test
    void theProjectsTextsStateTheThresholdsTheCodeUses() {
        assertThat(ThresholdLint.check(RuleFolder.read(Path.of("rules")))).isEmpty();
    }

    @Test
    void aThresholdChangedWithoutItsTextsFlagsEveryTextThatStillStatesTheOldNumber() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("derive.drl"), "below( 12 )", "below( 13 )");

        List<String> problems = ThresholdLint.check(RuleFolder.read(rules)).stream().map(RuleProblem::format).toList();

        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("rules/derive.drl:9 DERIVE-SHORT-LEAD-TIME: \"under 12 months\""));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("MIG-PROCESS-TIGHT-DEADLINE: \"under a year\"").contains("below( 13 )"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("MIG-RADICAL-SHORT-LEADTIME: \"under a year\""));
        assertThat(problems).noneMatch(problem -> problem.contains("24 months"));
    }

    @Test
    void aMessageThatStatesAnotherNumberIsFlaggedAtItsOwnLine() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("migration/change-strategy.drl"),
                "rarely fits a lead time under a year", "rarely fits a lead time under 6 months");

        List<RuleProblem> problems = ThresholdLint.check(RuleFolder.read(rules));

        int staleLine = lineOf(rules.resolve("migration/change-strategy.drl"), "under 6 months");
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/migration/change-strategy.drl");
            assertThat(problem.line()).isEqualTo(staleLine);
            assertThat(problem.message()).contains("\"under 6 months\"").contains("below( 12 )");
        });
    }

    private static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(file + " does not contain " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theNumbersComparedWithAreTheThresholdsOfTheRules() {
        assertThat(ThresholdLint.numbers(RuleFolder.read(Path.of("rules")))).containsExactly(12, 24);
    }
}
