package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.support.RuleEdits;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up compile hands over whatever it throws, so that the start fails instead of waiting for
 * ever; the gate's run after it counts at start only for the folder and the scenarios it ran on.
 */
class RulesetWarmupTests {

    private final Path rules = RuleFolders.copyOfProjectRules();
    private final RulesetCompiler compiler = new RulesetCompiler();

    @Test
    void anErrorInTheStartUpCompileFailsTheStart() {
        CompletableFuture<CompiledRuleset> compile = RulesetWarmup.inBackground(() -> {
            throw new NoClassDefFoundError("org/drools/Missing");
        }, compiled -> null).compile();
        assertThat(compile).failsWithin(Duration.ofMinutes(1));
        assertThatThrownBy(() -> ActiveRuleset.join(compile)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org/drools/Missing");
    }

    @Test
    void theWarmUpsGateFindingsHoldOnlyForTheFolderVersionAndTheScenariosItRan(@TempDir Path cases)
            throws IOException {
        copy(Path.of("test-cases/migration"), cases);
        ScenarioSuite scenarios = new ScenarioSuite(cases);
        RulesetWarmup.UnderWay underWay = warmUp(scenarios);
        String version = ActiveRuleset.join(underWay.compile()).version();

        assertThat(underWay.gated(version, scenarios)).hasValueSatisfying(checked -> {
            assertThat(checked.passed()).isTrue();
            assertThat(checked.version()).isEqualTo(version);
        });
        assertThat(underWay.gated("sha256:another", scenarios)).isEmpty();

        Path scenario = ScenarioFiles.list(cases).get(0);
        Files.writeString(scenario, Files.readString(scenario) + "\n");
        assertThat(underWay.gated(version, scenarios)).isEmpty();
    }

    @Test
    void aScenarioChangedAfterTheWarmUpsGateRunIsRunAgainBeforeTheFirstActivation(@TempDir Path cases)
            throws IOException {
        copy(Path.of("test-cases/migration"), cases);
        RulesetWarmup.UnderWay underWay = warmUp(new ScenarioSuite(cases));
        assertThat(underWay.gated(ActiveRuleset.join(underWay.compile()).version(), new ScenarioSuite(cases)))
                .hasValueSatisfying(checked -> assertThat(checked.passed()).isTrue());
        Path changed = ScenarioFiles.list(cases).stream().filter(RulesetWarmupTests::expectsAVerdict)
                .findFirst().orElseThrow();
        String scenario = Files.readString(changed);
        Files.writeString(changed, scenario.contains("  verdict: READY\n")
                ? scenario.replace("  verdict: READY\n", "  verdict: NOT_READY\n")
                : scenario.replaceFirst("  verdict: \\w+\n", "  verdict: READY\n"));

        RulesProperties properties = properties(cases, "");
        assertThatThrownBy(() -> new ActiveRuleset(properties, compiler, new MemoryRulesetHistory(),
                new RuleCounters(), Optional.of(underWay), false))
                .hasMessageContaining("do not pass the gate")
                .hasMessageContaining(ScenarioFiles.displayName(cases, changed));
    }

    @Test
    void aFolderChangedAfterTheWarmUpsGateRunIsGatedAsItIsNow() {
        RulesetWarmup.UnderWay underWay = warmUp(new ScenarioSuite(Path.of("test-cases")));
        ActiveRuleset.join(underWay.compile());
        new RuleEdits(rules).failingScenarios();

        RulesProperties properties = properties(Path.of("test-cases"), "");
        assertThatThrownBy(() -> new ActiveRuleset(properties, compiler, new MemoryRulesetHistory(),
                new RuleCounters(), Optional.of(underWay), false))
                .hasMessageContaining("do not pass the gate").hasMessageContaining("test-cases/");
    }

    @Test
    void aStartThatTakesTheWarmUpsFindingsActivatesTheWarmUpsCompile() {
        RulesetWarmup.UnderWay underWay = warmUp(new ScenarioSuite(Path.of("test-cases")));
        RulesProperties properties = properties(Path.of("test-cases"), "");
        ActiveRuleset active = new ActiveRuleset(properties, compiler, new MemoryRulesetHistory(), new RuleCounters(),
                Optional.of(underWay), false);

        assertThat(active.current()).isSameAs(ActiveRuleset.join(underWay.compile()));
        assertThat(active.lastCandidate().outcome()).isEqualTo(CandidateOutcome.Outcome.ACTIVATED);
    }

    @Test
    void aVersionCompiledHereBeforeIsCompiledButNotGatedByTheWarmUp(@TempDir Path cache) {
        RulesProperties properties = properties(Path.of("test-cases"), cache.toString());
        String version = RulesetConfiguration.compilerFor(properties).compile(RuleFolder.read(rules)).version();

        RulesetWarmup.UnderWay underWay = RulesetWarmup.warmUp(properties);

        assertThat(ActiveRuleset.join(underWay.compile()).version()).isEqualTo(version);
        assertThat(underWay.gated(version, new ScenarioSuite(Path.of("test-cases")))).isEmpty();
        RulesetWarmup.UnderWay firstTime = RulesetWarmup.warmUp(properties(Path.of("test-cases"), ""));
        assertThat(firstTime.gated(ActiveRuleset.join(firstTime.compile()).version(),
                new ScenarioSuite(Path.of("test-cases")))).isPresent();
    }

    /** The warm-up as the start runs it, with no compile cache: every version is new here. */
    private RulesetWarmup.UnderWay warmUp(ScenarioSuite scenarios) {
        return RulesetWarmup.warmUp(properties(scenarios.folder(), ""));
    }

    private RulesProperties properties(Path cases, String cacheDir) {
        return new RulesProperties(rules, Duration.ZERO, 20_000, cacheDir, true, Duration.ZERO, cases);
    }

    private static boolean expectsAVerdict(Path scenario) {
        try {
            return Files.readString(scenario).contains("\n  verdict: ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> listed = Files.list(from)) {
            for (Path file : listed.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
