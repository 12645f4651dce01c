package nl.draagvlak.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

class RulesetCompilerTests {

    private final RulesetCompiler compiler = new RulesetCompiler();

    private static RuleFile drl(String path, String text) {
        return new RuleFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String HEADER = """
            package rules;
            import nl.draagvlak.model.*;
            global Assessment assessment;
            """;

    @Test
    void theProjectRulesCompileWithEveryCatalogueRuleDescribed() {
        CompiledRuleset ruleset = compiler.compile(RuleFolder.read(Path.of("rules")));
        assertThat(ruleset.rules()).extracting(RuleInfo::id).contains("MIG-FO-BACKOFFICE-LAG", "SUP-IT-BACKLOG",
                "VERDICT-NOT-READY", "DERIVE-SHORT-LEAD-TIME");
        RuleInfo lag = ruleset.rules().stream().filter(r -> r.id().equals("MIG-FO-BACKOFFICE-LAG")).findFirst()
                .orElseThrow();
        assertThat(lag.file()).isEqualTo("rules/migration/design-strategy.drl");
        assertThat(lag.line()).isPositive();
        assertThat(lag.needs()).contains("preconditions.backOfficeInOrder");
    }

    @Test
    void aSyntaxErrorNamesItsFileAndLine() {
        RuleFile broken = drl("rules/broken.drl", HEADER + """
                rule "Broken"
                    @id("DERIVE-BROKEN")
                when
                    $plan : Initiative( )
                    this is not drl
                then
                end
                """);
        assertThatThrownBy(() -> compiler.compile(List.of(broken)))
                .isInstanceOfSatisfying(RulesetCompilationException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.problems().get(0).file()).isEqualTo("rules/broken.drl");
                    assertThat(e.problems().get(0).line()).isEqualTo(8);
                    assertThat(e.problems().get(0).format()).startsWith("rules/broken.drl:8:10 [ERR 102]");
                });
    }

    @Test
    void eachRuleIsFoundAtItsLineAsDroolsParsesItNotAsTheTextLooks() {
        RuleFile file = drl("rules/tricky.drl", HEADER + """
                /* since catalogue 1.1 */ rule 'Plan known'
                    @id("DERIVE-PLAN-KNOWN")
                when
                    $plan : Initiative( )
                then
                end /* the version before, kept for reference:
                rule "Plan seen"
                    @id("DERIVE-PLAN-SEEN")
                when
                    $plan : Initiative( )
                then
                end
                */
                rule "Plan seen"
                    @id("DERIVE-PLAN-SEEN")
                when
                    $plan : Initiative( )
                then
                end
                """);

        CompiledRuleset ruleset = compiler.compile(List.of(file));

        assertThat(ruleset.rules()).extracting(RuleInfo::name, RuleInfo::file, RuleInfo::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Plan known", "rules/tricky.drl", 4),
                org.assertj.core.groups.Tuple.tuple("Plan seen", "rules/tricky.drl", 17));
    }

    @Test
    void aMisspeltMethodInAConditionIsFoundAtItsLine() {
        RuleFile typo = drl("rules/typo.drl", HEADER + """
                rule "Typo in the condition"
                    @id("DERIVE-TYPO")
                when
                    $design : DesignStrategy( given )
                    $check : Check( open ) from $design.startingPont().is( StartingPoint.FRONT_OFFICE )
                then
                end
                """);
        assertThatThrownBy(() -> compiler.compile(List.of(typo)))
                .isInstanceOfSatisfying(RulesetCompilationException.class, e ->
                        assertThat(e.problems()).extracting(RuleProblem::format)
                                .anySatisfy(line -> assertThat(line).startsWith("rules/typo.drl:8:")
                                        .contains("startingPont")));
    }

    @Test
    void aMisspeltMethodIsFoundInTheRuleNotInACommentAboveIt() {
        RuleFile typo = drl("rules/typo.drl", HEADER + """
                /* Note: DesignStrategy.startingPont() was never a method;
                   the rule below reads startingPoint(). */
                rule "Typo in the condition"
                    @id("DERIVE-TYPO")
                when
                    $design : DesignStrategy( given )
                    $check : Check( open ) from $design.startingPont().is( StartingPoint.FRONT_OFFICE )
                then
                end
                """);
        assertThatThrownBy(() -> compiler.compile(List.of(typo)))
                .isInstanceOfSatisfying(RulesetCompilationException.class, e ->
                        assertThat(e.problems()).extracting(RuleProblem::format)
                                .anySatisfy(line -> assertThat(line).startsWith("rules/typo.drl:10:")
                                        .contains("startingPont")));
    }

    @Test
    void aMisspeltCallInAConsequenceIsFoundInTheRuleFileNotInGeneratedCode() {
        RuleFile typo = drl("rules/typo.drl", HEADER + """
                rule "Typo in the consequence"
                    @id("DERIVE-TYPO")
                when
                    $plan : Initiative( )
                then
                    assessment.concluded( kcontext, "x" );
                end
                """);
        assertThatThrownBy(() -> compiler.compile(List.of(typo)))
                .isInstanceOfSatisfying(RulesetCompilationException.class, e ->
                        assertThat(e.problems()).extracting(RuleProblem::format)
                                .containsExactly(e.problems().get(0).format())
                                .allSatisfy(line -> assertThat(line).startsWith("rules/typo.drl:9:")));
    }

    @Test
    void aFindingRuleWithoutSeverityIsRefusedAtItsLine() {
        RuleFile incomplete = drl("rules/incomplete.drl", HEADER + """
                rule "No severity"
                    @id("MIG-X") @type("RISK") @source("s") @rationale("r") @needs("initiative.kind")
                when
                    $plan : Initiative( )
                then
                    assessment.raise( kcontext, "x" );
                end
                """);
        assertThatThrownBy(() -> compiler.compile(List.of(incomplete)))
                .isInstanceOfSatisfying(RulesetCompilationException.class, e ->
                        assertThat(e.problems()).anySatisfy(problem -> {
                            assertThat(problem.format()).startsWith("rules/incomplete.drl:4");
                            assertThat(problem.message()).contains("@severity");
                        }));
    }

    @Test
    void twoRulesWithOneIdAreRefused() {
        String rule = """
                rule "%s"
                    @id("DERIVE-SAME")
                when
                    $plan : Initiative( )
                then
                end
                """;
        RuleFile twice = drl("rules/twice.drl", HEADER + rule.formatted("One") + rule.formatted("Two"));
        assertThatThrownBy(() -> compiler.compile(List.of(twice)))
                .isInstanceOfSatisfying(RulesetCompilationException.class, e ->
                        assertThat(e.getMessage()).contains("DERIVE-SAME is already the id"));
    }

    @Test
    void anEmptyFolderIsRefusedRatherThanServingNoRules() {
        assertThatThrownBy(() -> compiler.compile(List.of())).isInstanceOf(RulesetCompilationException.class);
    }

    @Test
    void theVersionDependsOnTheFilesOnlyNotOnWhereTheFolderLives() {
        Path copy = RuleFolders.copyOfProjectRules();
        assertThat(RulesetVersion.of(RuleFolder.read(copy))).isEqualTo(RulesetVersion.of(RuleFolder.read(Path.of("rules"))));
        RuleFolders.replaceIn(copy.resolve("derive.drl"), "below( 12 )", "below( 13 )");
        assertThat(RulesetVersion.of(RuleFolder.read(copy))).isNotEqualTo(RulesetVersion.of(RuleFolder.read(Path.of("rules"))));
    }
}
