package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.support.RuleEdits;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

/**
 * The gate, on a copy of the project's rules and the project's scenarios: a change that compiles,
 * lints clean and passes every scenario is activated; any other is rejected and the active
 * ruleset stays. Any version activated before comes back in one call, and stays after a restart.
 */
class ActiveRulesetTests {

    private final Path rules = RuleFolders.copyOfProjectRules();
    private final RuleEdits edits = new RuleEdits(rules);
    /** One compile cache for the class: the same versions come up in many tests. */
    private static final nl.draagvlak.engine.CompiledRulesetCache CACHE = new nl.draagvlak.engine.CompiledRulesetCache(
            RuleFolders.temporaryFolder("draagvlak-ruleset-cache"));
    private final RulesetCompiler compiler = new RulesetCompiler(CACHE);
    private final MemoryRulesetHistory history = new MemoryRulesetHistory();
    private final RuleCounters counters = new RuleCounters();
    private final ActiveRuleset active = start();

    private ActiveRuleset start() {
        return start(Path.of("test-cases"));
    }

    private ActiveRuleset start(Path cases) {
        RulesProperties properties = new RulesProperties(rules, Duration.ofMillis(50), 20_000, "", true, Duration.ZERO,
                cases);
        return new ActiveRuleset(properties, compiler, history, counters, java.util.Optional.empty());
    }

    /** The watcher's first look sees the change, the next (the quiet period being zero here) takes it. */
    private void watcherLooksTwice() {
        active.reloadIfChanged();
        active.reloadIfChanged();
    }

    @Test
    void aChangeThatPassesTheGateIsActivated() {
        String before = active.current().version();
        String edited = edits.good(1);
        watcherLooksTwice();
        assertThat(active.current().version()).isEqualTo(edited).isNotEqualTo(before);
        assertThat(active.lastCandidate().outcome()).isEqualTo(CandidateOutcome.Outcome.ACTIVATED);
        assertThat(active.active().activatedBy()).isEqualTo("watcher");
        assertThat(history.activations()).extracting(Activation::version).containsExactly(edited, before);
    }

    @Test
    void aBrokenChangeIsRejectedWithItsFileAndLineAndTheActiveRulesetStays() {
        String before = active.current().version();
        String broken = edits.broken();
        watcherLooksTwice();
        assertThat(active.current().version()).isEqualTo(before);
        CandidateOutcome outcome = active.lastCandidate();
        assertThat(outcome.version()).isEqualTo(broken);
        assertThat(outcome.outcome()).isEqualTo(CandidateOutcome.Outcome.REJECTED);
        assertThat(outcome.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).endsWith("support/stakeholders.drl");
            assertThat(problem.line()).isPositive();
        });
        assertThat(counters.rejectedCandidates()).isEqualTo(1);
    }

    @Test
    void aChangeThatFailsAScenarioIsRejectedNamingTheScenarios() {
        String before = active.current().version();
        edits.failingScenarios();
        watcherLooksTwice();
        assertThat(active.current().version()).isEqualTo(before);
        assertThat(active.lastCandidate().outcome()).isEqualTo(CandidateOutcome.Outcome.REJECTED);
        assertThat(active.lastCandidate().problems()).isEmpty();
        assertThat(active.lastCandidate().failingScenarios()).isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("test-cases/").endsWith(".yaml"));
    }

    @Test
    void aChangeTheLintRefusesIsRejected() {
        String before = active.current().version();
        edits.lintRefuses();
        watcherLooksTwice();
        assertThat(active.current().version()).isEqualTo(before);
        assertThat(active.lastCandidate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("support/stakeholders.drl");
            assertThat(problem.message()).contains("calls System");
        });
    }

    @Test
    void aRejectedFolderIsNotJudgedAgainWhileItStaysTheSame() {
        edits.broken();
        watcherLooksTwice();
        watcherLooksTwice();
        assertThat(counters.rejectedCandidates()).isEqualTo(1);
    }

    @Test
    void nothingIsJudgedWhileTheFilesAreUnchanged() {
        watcherLooksTwice();
        assertThat(active.lastCandidate().version()).as("only the start's candidate").isEqualTo(active.current().version());
        assertThat(counters.activatedCandidates() + counters.rejectedCandidates()).isZero();
    }

    @Test
    void anEarlierVersionComesBackInOneCallAndNewerScenariosAreListedNotBlocking() {
        String first = active.current().version();
        edits.good(1);
        watcherLooksTwice();
        CandidateOutcome rollback = active.activate(first, "policy owner", "the new wording is not agreed");
        assertThat(rollback.outcome()).isEqualTo(CandidateOutcome.Outcome.ACTIVATED);
        assertThat(active.current().version()).isEqualTo(first);
        assertThat(history.activations().get(0)).satisfies(activation -> {
            assertThat(activation.version()).isEqualTo(first);
            assertThat(activation.activatedBy()).isEqualTo("policy owner");
            assertThat(activation.reason()).isEqualTo("the new wording is not agreed");
        });
        watcherLooksTwice();
        assertThat(active.current().version()).as("the folder is unchanged: the rollback stays").isEqualTo(first);
    }

    @Test
    void anUnknownVersionCannotBeActivated() {
        assertThatThrownBy(() -> active.activate("sha256:" + "0".repeat(64), "x", null))
                .isInstanceOf(UnknownRulesetException.class);
    }

    @Test
    void aRestartWithTheFolderUnchangedRestoresTheRollback() {
        String first = active.current().version();
        String second = edits.good(1);
        watcherLooksTwice();
        active.activate(first, "policy owner", null);

        ActiveRuleset restarted = start();
        assertThat(restarted.current().version()).isEqualTo(first).isNotEqualTo(second);

        String third = edits.good(2);
        restarted.reloadIfChanged();
        restarted.reloadIfChanged();
        assertThat(restarted.current().version()).as("a later change on disk is a new candidate").isEqualTo(third);
    }

    @Test
    void aFolderChangedWhileStoppedIsACandidateAtStart() {
        String edited = edits.good(3);
        ActiveRuleset restarted = start();
        assertThat(restarted.current().version()).isEqualTo(edited);
        assertThat(restarted.active().activatedBy()).isEqualTo("start");

        String first = history.activations().get(1).version();
        edits.failingScenarios();
        ActiveRuleset again = start();
        assertThat(again.current().version()).as("rejected at start: the last active version serves")
                .isEqualTo(edited).isNotEqualTo(first);
        assertThat(again.lastCandidate().outcome()).isEqualTo(CandidateOutcome.Outcome.REJECTED);
    }

    @Test
    void withNothingToFallBackOnAFolderThatFailsItsScenariosStopsTheStart() {
        edits.failingScenarios();
        MemoryRulesetHistory empty = new MemoryRulesetHistory();
        RulesProperties properties = new RulesProperties(rules, Duration.ZERO, 20_000, "", true, Duration.ZERO,
                Path.of("test-cases"));
        assertThatThrownBy(() -> new ActiveRuleset(properties, compiler, empty, counters, java.util.Optional.empty()))
                .hasMessageContaining("do not pass the gate").hasMessageContaining("test-cases/");
    }

    @Test
    void aConfigMapThatPublishesNewFilesIsReloadedFromThem() throws IOException {
        Path mount = RuleFolders.configMapOfProjectRules(Files.createTempDirectory("draagvlak-cm").resolve("rules"));
        ActiveRuleset mounted = new ActiveRuleset(new RulesProperties(mount, Duration.ofMillis(50), 20_000, "", true,
                Duration.ZERO, Path.of("test-cases")), compiler, new MemoryRulesetHistory(), counters,
                java.util.Optional.empty());
        String before = mounted.current().version();
        assertThat(before).isEqualTo(active.current().version());
        Path edited = RuleFolders.copyOfProjectRules();
        RuleFolders.append(edited.resolve("derive.drl"), "\n// republished\n");

        RuleFolders.publish(mount, "..2026_12_01_11_00_00.000000002", edited);
        mounted.reloadIfChanged();
        mounted.reloadIfChanged();

        assertThat(mounted.lastCandidate().outcome()).isEqualTo(CandidateOutcome.Outcome.ACTIVATED);
        assertThat(mounted.current().version()).isNotEqualTo(before);
        assertThat(mounted.current().rules()).hasSameSizeAs(active.current().rules());
    }
}
