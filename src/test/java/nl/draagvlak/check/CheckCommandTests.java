package nl.draagvlak.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

class CheckCommandTests {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CheckCommand check = new CheckCommand(new PrintStream(output, true, StandardCharsets.UTF_8));

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theProjectRulesAndScenariosPass() {
        assertThat(check.run(new String[0])).as(printed()).isZero();
        assertThat(printed()).contains("OK:").contains("coverage:");
    }

    @Test
    void aRuleThatDoesNotCompileFailsWithFileLineAndColumn() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("migration/design-strategy.drl"), "$design : DesignStrategy( given )\n    $pre",
                "$design : DesignStrategy( given \n    $pre");
        int status = check.run(new String[] {"--rules", rules.toString()});
        assertThat(status).isEqualTo(1);
        assertThat(printed()).containsPattern("rules/migration/design-strategy\\.drl:\\d+:\\d+ ");
    }

    @Test
    void aChangedThresholdFailsTheScenariosThatPinIt() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("derive.drl"), "below( 12 )", "below( 13 )");
        int status = check.run(new String[] {"--rules", rules.toString()});
        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains("FAIL ").contains("FAILED:");
    }

    @Test
    void aFindingRuleDecidingOnAConclusionNoRuleDerivesCanNeverFire() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("derive.drl"),
                "insert( new Derived( Conclusion.LONG_LEAD_TIME, $plan.leadTimeMonths().above( 24 ) ) );", "");
        int status = check.run(new String[] {"--rules", rules.toString()});
        assertThat(status).isEqualTo(1);
        assertThat(printed()).containsPattern("rules/migration/design-strategy\\.drl:\\d+:0 MIG-BO-TOO-HEAVY can never fire")
                .contains("FAILED: 1 finding rule(s) can never fire");
    }

    @Test
    void aFindingRuleWhoseConditionsExcludeEachOtherCanNeverFire() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("support/it.drl"),
                "$engagement.itEngagement().is( ItEngagement.TOP_DOWN_MANDATE )",
                "$engagement.itEngagement().is( ItEngagement.TOP_DOWN_MANDATE )"
                        + ".andAlso( $engagement.itEngagement().is( ItEngagement.NONE ) )");
        int status = check.run(new String[] {"--rules", rules.toString()});
        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains("SUP-IT-MANDATE can never fire").doesNotContain("SUP-IT-BACKLOG can never fire");
    }

    @Test
    void aThresholdChangedWithoutItsTextsFailsTheCheckAtTheStaleText() {
        Path rules = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(rules.resolve("derive.drl"), "above( 24 )", "above( 30 )");
        int status = check.run(new String[] {"--rules", rules.toString()});
        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains("rules/derive.drl:18 DERIVE-LONG-LEAD-TIME: \"over 24 months\" says 24 months")
                .contains("FAILED: the lint found");
    }

    @Test
    void unknownArgumentsPrintUsage() {
        assertThat(check.run(new String[] {"--bogus"})).isEqualTo(2);
        assertThat(printed()).contains("usage: check");
    }
}
