package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

/** Policy owners edit rules in a running service: a good change is taken, a broken one refused. */
class ActiveRulesetTests {

    private final Path rules = RuleFolders.copyOfProjectRules();
    private final ActiveRuleset active = new ActiveRuleset(new RulesProperties(rules, Duration.ZERO, 20_000, ""),
            new RulesetCompiler());

    @Test
    void aChangedRuleThatCompilesBecomesActive() {
        String before = active.current().version();
        RuleFolders.replaceIn(rules.resolve("derive.drl"), "below( 12 )", "below( 13 )");
        active.reloadIfChanged();
        assertThat(active.current().version()).isNotEqualTo(before);
        assertThat(active.lastReload().accepted()).isTrue();
    }

    @Test
    void aBrokenChangeIsRefusedWithItsFileAndLineAndTheLastGoodRulesetStays() {
        String before = active.current().version();
        RuleFolders.replaceIn(rules.resolve("derive.drl"), "$plan : Initiative()", "$plan : Initiative(");
        active.reloadIfChanged();
        assertThat(active.current().version()).isEqualTo(before);
        assertThat(active.lastReload().accepted()).isFalse();
        assertThat(active.lastReload().problems()).anySatisfy(problem ->
                assertThat(problem).matches("rules/derive\\.drl:\\d+.*"));
    }

    @Test
    void nothingIsRecompiledWhileTheFilesAreUnchanged() {
        active.reloadIfChanged();
        assertThat(active.lastReload()).isNull();
    }

    @Test
    void aConfigMapThatPublishesNewFilesIsReloadedFromThem() throws IOException {
        Path mount = RuleFolders.configMapOfProjectRules(Files.createTempDirectory("draagvlak-cm").resolve("rules"));
        ActiveRuleset mounted = new ActiveRuleset(new RulesProperties(mount, Duration.ZERO, 20_000, ""),
                new RulesetCompiler());
        String before = mounted.current().version();
        assertThat(before).isEqualTo(active.current().version());
        Path edited = RuleFolders.copyOfProjectRules();
        RuleFolders.append(edited.resolve("derive.drl"), "\n// republished\n");

        RuleFolders.publish(mount, "..2026_12_01_11_00_00.000000002", edited);
        mounted.reloadIfChanged();

        assertThat(mounted.lastReload().accepted()).isTrue();
        assertThat(mounted.current().version()).isNotEqualTo(before);
        assertThat(mounted.current().rules()).hasSameSizeAs(active.current().rules());
    }
}
