package nl.draagvlak.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.engine.ThresholdLint;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.model.Verdict;

/**
 * Remedies over generated requests, checked with the engine and not with the search: each remedy,
 * applied and decided, gives its verdict; no proper subset of it reaches that verdict or a better
 * one; every change is a lever's; and on requests with few lever changes, brute force over every
 * set of lever changes finds no smaller set that reaches the verdict.
 */
class RemedyPropertyTests {

    private static final DecisionEngine ENGINE = new DecisionEngine();
    private static final int BRUTE_FORCE_CHANGES = 14;

    private final RemedySearch search = new RemedySearch(ENGINE);

    @Property(tries = 25)
    void everyRemedyReachesItsVerdictMinimallyWithLeverChangesOnly(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        CompiledRuleset ruleset = AdviceRequests.catalogue();
        RequestSpace space = new RequestSpace(ThresholdLint.numbers(ruleset.files()));
        Map<String, Object> request = space.random(seed, 1).get(0);
        Remedies remedies = search.search(ruleset, request, 3, Duration.ofSeconds(5));
        Verdict given = decide(ruleset, request).verdict();
        for (Remedy remedy : remedies.remedies()) {
            Verdict claimed = Verdict.valueOf(remedy.verdict());
            assertThat(claimed).isGreaterThan(given);
            for (Change change : remedy.changes()) {
                assertThat(ruleset.levers().allowed(declared(change.path()))).as(change.path()).contains(change.to());
                assertThat(change.from()).isEqualTo(valueAt(space, request, change.path()));
            }
            assertThat(decide(ruleset, apply(space, request, remedy.changes())).verdict()).as(remedy.toString())
                    .isEqualTo(claimed);
            for (List<Change> subset : properSubsets(remedy.changes())) {
                assertThat(decide(ruleset, apply(space, request, subset)).verdict()).as(subset.toString())
                        .isLessThan(claimed);
            }
        }
        List<Change> all = leverChanges(ruleset, space, request);
        if (all.size() <= BRUTE_FORCE_CHANGES && remedies.complete()) {
            for (Verdict target : List.of(Verdict.READY, Verdict.PROCEED_WITH_CONDITIONS)) {
                if (target.compareTo(given) <= 0) {
                    continue;
                }
                int smallest = remedies.remedies().stream().filter(remedy -> remedy.verdict().equals(target.name()))
                        .mapToInt(remedy -> remedy.changes().size()).min().orElse(3);
                for (List<Change> set : setsUpTo(all, smallest - 1)) {
                    Verdict reached = decide(ruleset, apply(space, request, set)).verdict();
                    boolean listedUnderReady = target == Verdict.PROCEED_WITH_CONDITIONS && reached == Verdict.READY;
                    if (!listedUnderReady) {
                        assertThat(reached).as("a smaller set " + set + " than any remedy for " + target)
                                .isNotEqualTo(target);
                    }
                }
            }
        }
    }

    static Decision decide(CompiledRuleset ruleset, Map<String, Object> request) {
        return ENGINE.decide(ruleset, Decider.SPACE.read(request), false);
    }

    static String declared(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    static Object valueAt(RequestSpace space, Map<String, Object> request, String path) {
        return RequestSpace.valueOf(request, input(space, request, path));
    }

    static RequestSpace.Input input(RequestSpace space, Map<String, Object> request, String path) {
        return space.inputs(request).stream().filter(input -> input.path().equals(path)).findFirst().orElseThrow();
    }

    static Map<String, Object> apply(RequestSpace space, Map<String, Object> request, List<Change> changes) {
        Map<String, Object> changed = request;
        for (Change change : changes) {
            changed = RequestSpace.with(changed, input(space, request, change.path()), change.to());
        }
        return changed;
    }

    private static List<Change> leverChanges(CompiledRuleset ruleset, RequestSpace space, Map<String, Object> request) {
        List<Change> changes = new ArrayList<>();
        for (RequestSpace.Input input : space.inputs(request)) {
            if (input.field() == null) {
                continue;
            }
            Object from = RequestSpace.valueOf(request, input);
            for (Object to : ruleset.levers().allowed(input.declaredPath())) {
                if (!to.equals(from)) {
                    changes.add(new Change(input.path(), from, to));
                }
            }
        }
        return changes;
    }

    private static List<List<Change>> properSubsets(List<Change> set) {
        List<List<Change>> subsets = new ArrayList<>();
        for (int mask = 0; mask < (1 << set.size()) - 1; mask++) {
            List<Change> subset = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(set.get(i));
                }
            }
            subsets.add(subset);
        }
        return subsets;
    }

    /** Every set of at most {@code most} changes, at most one per input. */
    private static List<List<Change>> setsUpTo(List<Change> changes, int most) {
        List<List<Change>> sets = new ArrayList<>();
        collect(changes, 0, new ArrayList<>(), most, sets);
        return sets;
    }

    private static void collect(List<Change> changes, int from, List<Change> taken, int most, List<List<Change>> sets) {
        if (!taken.isEmpty()) {
            sets.add(List.copyOf(taken));
        }
        if (taken.size() == most) {
            return;
        }
        for (int i = from; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (taken.stream().noneMatch(other -> other.path().equals(change.path()))) {
                taken.add(change);
                collect(changes, i + 1, taken, most, sets);
                taken.remove(taken.size() - 1);
            }
        }
    }
}
