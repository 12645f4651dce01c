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
    void unknownArgumentsPrintUsage() {
        assertThat(check.run(new String[] {"--bogus"})).isEqualTo(2);
        assertThat(printed()).contains("usage: check");
    }
}
