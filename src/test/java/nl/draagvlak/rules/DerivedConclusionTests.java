package nl.draagvlak.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompilationException;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

/**
 * A rule that decides on a derived conclusion names it by a constant of the model, so a typo is a
 * compile error at the rule, not a rule that silently drops out of every decision.
 */
class DerivedConclusionTests {

    @Test
    void aMisspeltConclusionInAFindingRuleIsACompileErrorAtItsFile() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("migration/change-strategy.drl"),
                "Derived( conclusion == Conclusion.SHORT_LEAD_TIME", "Derived( conclusion == Conclusion.SHORT_LEADTIME");

        assertThatThrownBy(() -> new RulesetCompiler().compile(RuleFolder.read(rules)))
                .isInstanceOfSatisfying(RulesetCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> assertThat(problem.file()).isEqualTo("rules/migration/change-strategy.drl")));
    }

    @Test
    void aMisspeltConclusionInAHelperRuleIsACompileError() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("derive.drl"),
                "new Derived( Conclusion.LONG_LEAD_TIME", "new Derived( Conclusion.LONG_LEADTIME");

        assertThatThrownBy(() -> new RulesetCompiler().compile(RuleFolder.read(rules)))
                .isInstanceOf(RulesetCompilationException.class);
    }
}
