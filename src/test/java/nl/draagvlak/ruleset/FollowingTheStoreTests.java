package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nl.draagvlak.engine.CompiledRulesetCache;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.support.RuleEdits;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

/**
 * Nodes that follow one store, each with a folder of its own: the store's newest activation is the
 * active version; a change on any node's disk is a candidate; a folder that is empty, or still holds
 * a version the store had before, reverts nothing. (Two rulesets on one history stand for two nodes
 * on one store; the processes on PostgreSQL are in {@code nl.draagvlak.cluster.SeveralNodesIT}.)
 */
class FollowingTheStoreTests {

    private static final CompiledRulesetCache CACHE = new CompiledRulesetCache(
            RuleFolders.temporaryFolder("draagvlak-ruleset-cache"));
    private final RulesetCompiler compiler = new RulesetCompiler(CACHE);
    private final MemoryRulesetHistory store = new MemoryRulesetHistory();

    private ActiveRuleset node(Path rules, Path cases) {
        RulesProperties properties = new RulesProperties(rules, Duration.ofMillis(50), 20_000, "", true, Duration.ZERO,
                cases);
        return new ActiveRuleset(properties, compiler, store, new RuleCounters(), Optional.empty(), true);
    }

    private ActiveRuleset node(Path rules) {
        return node(rules, Path.of("test-cases"));
    }

    private static void watcherLooksTwice(ActiveRuleset node) {
        node.reloadIfChanged();
        node.reloadIfChanged();
    }

    @Test
    void aChangeOnOneNodesDiskIsActivatedAndTheOtherNodeFollows() {
        Path rulesA = RuleFolders.copyOfProjectRules();
        ActiveRuleset a = node(rulesA);
        ActiveRuleset b = node(RuleFolders.copyOfProjectRules());
        String edited = new RuleEdits(rulesA).good(1);

        watcherLooksTwice(a);
        assertThat(a.current().version()).isEqualTo(edited);
        assertThat(b.current().version()).isNotEqualTo(edited);
        b.follow();

        assertThat(b.current().version()).isEqualTo(edited);
        assertThat(b.active().activatedBy()).isEqualTo("watcher");
        assertThat(b.syncProblem()).isNull();
        assertThat(store.activations()).hasSize(2); // the first start and the change: following records nothing
    }

    @Test
    void aNodeStartedWithAnEmptyRulesFolderTakesTheStoresActiveVersion() {
        Path rulesA = RuleFolders.copyOfProjectRules();
        ActiveRuleset a = node(rulesA);
        new RuleEdits(rulesA).good(2);
        watcherLooksTwice(a);

        ActiveRuleset empty = node(RuleFolders.temporaryFolder("draagvlak-empty-rules"));
        ActiveRuleset missing = node(RuleFolders.temporaryFolder("draagvlak-no-rules").resolve("rules"));

        assertThat(empty.current().version()).isEqualTo(a.current().version());
        assertThat(missing.current().version()).isEqualTo(a.current().version());
        assertThat(store.latest().orElseThrow().version()).isEqualTo(a.current().version());
    }

    @Test
    void aNodeWhoseFolderHoldsAnOlderVersionDoesNotRevertTheOthers() {
        Path rulesA = RuleFolders.copyOfProjectRules();
        ActiveRuleset a = node(rulesA);
        String older = a.current().version();
        String newer = new RuleEdits(rulesA).good(3);
        watcherLooksTwice(a);

        ActiveRuleset b = node(RuleFolders.copyOfProjectRules()); // still the older rules
        watcherLooksTwice(b);
        b.follow();
        a.follow();

        assertThat(b.current().version()).isEqualTo(newer);
        assertThat(a.current().version()).isEqualTo(newer);
        assertThat(store.latest().orElseThrow().version()).isEqualTo(newer).isNotEqualTo(older);
    }

    @Test
    void aFolderWithAVersionNewToTheStoreIsACandidateAtStart() {
        ActiveRuleset a = node(RuleFolders.copyOfProjectRules());
        Path rulesB = RuleFolders.copyOfProjectRules();
        String changedWhileStopped = new RuleEdits(rulesB).good(4);

        ActiveRuleset b = node(rulesB);
        a.follow();

        assertThat(b.current().version()).isEqualTo(changedWhileStopped);
        assertThat(a.current().version()).isEqualTo(changedWhileStopped);
    }

    @Test
    void aNodeOnWhichTheStoresVersionFailsTheGateSaysSoAndKeepsItsVersion() {
        Path rulesA = RuleFolders.copyOfProjectRules();
        // A has no scenarios, so it activates a change that fails the project's scenarios, which B runs.
        ActiveRuleset a = node(rulesA, RuleFolders.temporaryFolder("draagvlak-no-cases"));
        ActiveRuleset b = node(RuleFolders.copyOfProjectRules());
        String before = b.current().version();
        String failing = new RuleEdits(rulesA).failingScenarios();
        watcherLooksTwice(a);
        assertThat(a.current().version()).isEqualTo(failing);

        b.follow();

        assertThat(b.current().version()).isEqualTo(before);
        assertThat(b.syncProblem()).contains(failing).contains("does not pass the gate");
        assertThat(b.lastCandidate().outcome()).isEqualTo(CandidateOutcome.Outcome.REJECTED);
    }

    @Test
    void aStoreThatDidNotAnswerIsReportedUntilTheNextFollow() {
        ActiveRuleset a = node(RuleFolders.copyOfProjectRules());
        a.syncFailed("the store did not answer");
        assertThat(a.syncProblem()).isNotNull();
        a.follow();
        assertThat(a.syncProblem()).isNull();
    }
}
