package nl.draagvlak.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.ruleset.RulesetLint;
import org.junit.jupiter.api.Test;

/** Every finding rule carries its message in English and in Dutch, beside its condition. */
class MessagesConventionTests {

    @Test
    void everyFindingRuleHasBothMessages() {
        List<RuleInfo> findingRules = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules"))).rules().stream()
                .filter(rule -> rule.role() == RuleInfo.Role.FINDING).toList();
        assertThat(findingRules).hasSizeGreaterThan(40).allSatisfy(rule -> {
            assertThat(rule.message()).as(rule.id()).isNotBlank();
            assertThat(rule.messageNl()).as(rule.id()).isNotBlank().isNotEqualTo(rule.message());
        });
    }

    @Test
    void theLintReportsAFindingRuleMissingEitherMessage() {
        String drl = """
                package rules.support;
                import nl.draagvlak.model.*;
                global Assessment assessment;
                rule "No Dutch"
                    @id("SUP-X") @type("RISK") @severity("LOW") @source("s") @rationale("r") @needs("engagement.managerTourDone")
                    @message("English only.")
                when
                    $e : Engagement()
                then
                    assessment.raise( kcontext );
                end
                rule "No English"
                    @id("SUP-Y") @type("RISK") @severity("LOW") @source("s") @rationale("r") @needs("engagement.managerTourDone")
                    @message_nl("Alleen Nederlands.")
                when
                    $e : Engagement()
                then
                    assessment.raise( kcontext );
                end
                """;
        assertThat(new RulesetLint().check(List.of(new RuleFile("rules/support/x.drl", drl.getBytes(StandardCharsets.UTF_8)))))
                .extracting(problem -> problem.line() + " " + problem.message())
                .containsExactly("4 SUP-X has no @message_nl(\"...\"): every finding rule states its message in Dutch",
                        "12 SUP-Y has no @message(\"...\"): every finding rule states its message in English");
    }
}
