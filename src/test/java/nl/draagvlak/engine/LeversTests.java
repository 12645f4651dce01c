package nl.draagvlak.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeversTests {

    private static final String RULE = """
            package rules;
            import nl.draagvlak.model.*;
            global Assessment assessment;
            rule "Only a verdict"
                @id("VERDICT-READY") @verdict("READY") @rationale("always")
                ruleflow-group "verdict"
            when
                not VerdictDecision()
            then
                assessment.decide( kcontext );
            end
            """;

    private static List<RuleProblem> problems(String yaml) {
        List<RuleProblem> problems = new ArrayList<>();
        Levers.parse(new RuleFile(Levers.FILE, yaml.getBytes(StandardCharsets.UTF_8)), problems);
        return problems;
    }

    @Test
    void anUnknownInputIsAProblemAtItsLine() {
        assertThat(problems("engagement.feedbackIncorporated: [true]\nengagement.colour: [RED]\n"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo("rules/levers.yaml");
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.message()).contains("unknown input engagement.colour");
                });
    }

    @Test
    void aValueTheInputCannotTakeIsAProblemAtItsLine() {
        assertThat(problems("# levers\nstakeholders[].involvement: [CONSULTED, EVERYTHING]\ninitiative.leadTimeMonths: [12, -1]\n"))
                .extracting(RuleProblem::line, problem -> problem.message().startsWith("value "))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(3, true));
    }

    @Test
    void whatThePlanOwnerDoesNotControlIsNoLever() {
        assertThat(problems("initiative.kind: [OTHER_CHANGE]\nstakeholders[].resistance: [[]]\n"))
                .extracting(RuleProblem::message).allMatch(message -> message.contains("may not be a lever"));
    }

    @Test
    void aCompileRefusesBadLeversNamingTheFileAndLine() {
        List<RuleFile> files = List.of(new RuleFile("rules/verdict.drl", RULE.getBytes(StandardCharsets.UTF_8)),
                new RuleFile(Levers.FILE, "preconditions.backOfficeInOrder: [maybe]\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new RulesetCompiler().compile(files)).isInstanceOf(RulesetCompilationException.class)
                .hasMessageContaining("rules/levers.yaml:1");
    }

    @Test
    void leversAreHashedIntoTheVersionAndAFolderWithoutThemHashesAsBefore(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("verdict.drl"), RULE);
        List<RuleFile> withoutLevers = RuleFolder.read(folder);
        assertThat(withoutLevers).extracting(RuleFile::path).containsExactly("rules/verdict.drl");
        String before = RulesetVersion.of(List.of(new RuleFile("rules/verdict.drl", RULE.getBytes(StandardCharsets.UTF_8))));
        assertThat(RulesetVersion.of(withoutLevers)).isEqualTo(before);
        Files.writeString(folder.resolve("levers.yaml"), "preconditions.backOfficeInOrder: [true]\n");
        Files.createDirectories(folder.resolve("support"));
        Files.writeString(folder.resolve("support/levers.yaml"), "not: [read]\n");
        List<RuleFile> withLevers = RuleFolder.read(folder);
        assertThat(withLevers).extracting(RuleFile::path).containsExactly("rules/levers.yaml", "rules/verdict.drl");
        CompiledRuleset ruleset = new RulesetCompiler().compile(withLevers);
        assertThat(ruleset.version()).isNotEqualTo(before);
        assertThat(ruleset.levers().allowed("preconditions.backOfficeInOrder")).containsExactly(true);
    }

    @Test
    void theDefaultLeversNeverDropAGoodPractice() {
        List<RuleProblem> problems = new ArrayList<>();
        Levers levers = Levers.of(RuleFolder.read(Path.of("rules")), problems);
        assertThat(problems).isEmpty();
        assertThat(levers.values().keySet()).doesNotContainAnyElementsOf(Levers.NEVER)
                .doesNotContain("engagement.prototypePlanned");
        levers.values().forEach((path, values) -> {
            if (!path.startsWith("changeStrategy.management") && !path.startsWith("changeStrategy.responsibility")
                    && !path.startsWith("designStrategy.startingPoint")) {
                assertThat(values).as(path).doesNotContain(false, "NONE", "INFORMED", "LOW", "BIG_BANG",
                        "ALL_AT_ONCE", "RADICAL_REDESIGN", "BACKLOG_REQUEST", "TOP_DOWN_MANDATE");
            }
        });
    }
}
