package nl.draagvlak.advice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.Levers;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.model.Severity;
import nl.draagvlak.model.Verdict;

/**
 * The smallest sets of lever changes that give a request a better verdict, found by deciding
 * candidate requests with the engine, breadth-first over the number of changes.
 *
 * <p>Pruning by what each rule needs: only a rule whose finding (of severity MEDIUM or heavier) or
 * whose blocker left unassessed weighs on the verdict can stand between a request and a better
 * verdict, and only a change to an input that rule {@code @needs} can change its outcome. So a set
 * of changes is extended only by changes to inputs needed by a rule that weighs on the verdict of
 * the base request or of that set. A set that reaches a verdict is not extended for it (its
 * supersets are not minimal), and a set is listed only when no proper subset reaches the same or
 * a better verdict.
 */
public final class RemedySearch {

    private static final List<Verdict> TARGETS = List.of(Verdict.READY, Verdict.PROCEED_WITH_CONDITIONS);

    private final DecisionEngine engine;
    private final LongSupplier clock;

    public RemedySearch(DecisionEngine engine) {
        this(engine, System::nanoTime);
    }

    RemedySearch(DecisionEngine engine, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public Remedies search(CompiledRuleset ruleset, Map<String, Object> request, int limit, Duration timeLimit) {
        long deadline = clock.getAsLong() + timeLimit.toNanos();
        Decider decider = new Decider(engine, ruleset);
        Decision base = decider.decide(request);
        if (base == null) {
            throw new IllegalArgumentException("the stored request is not one the API accepts");
        }
        Search search = new Search(decider, request, base);
        Map<Verdict, List<Candidate>> found = new EnumMap<>(Verdict.class);
        List<Verdict> targets = TARGETS.stream().filter(target -> target.compareTo(base.verdict()) > 0).toList();
        targets.forEach(target -> found.put(target, new ArrayList<>()));
        List<List<Change>> level = List.of(List.of());
        boolean complete = true;
        while (!level.isEmpty() && targets.stream().anyMatch(target -> found.get(target).size() < limit)) {
            Set<List<Change>> next = new LinkedHashSet<>();
            for (List<Change> set : level) {
                Decision decision = search.decided(set);
                boolean wanted = targets.stream().anyMatch(target -> found.get(target).size() < limit
                        && decision.verdict().compareTo(target) < 0 && !search.stuck(set, decision, target));
                if (!wanted) {
                    continue;
                }
                for (Change change : search.helpful(decision)) {
                    if (set.stream().noneMatch(taken -> taken.path().equals(change.path()))) {
                        List<Change> bigger = new ArrayList<>(set);
                        bigger.add(change);
                        bigger.sort(Change.ORDER);
                        next.add(List.copyOf(bigger));
                    }
                }
            }
            Map<Verdict, List<Candidate>> ofThisSize = new EnumMap<>(Verdict.class);
            List<List<Change>> extendable = new ArrayList<>();
            for (List<Change> set : next) {
                if (clock.getAsLong() > deadline) {
                    complete = false;
                    break;
                }
                Decision decision = search.decided(set);
                Verdict verdict = decision.verdict();
                if (found.containsKey(verdict) && found.get(verdict).size() < limit && search.minimal(set, verdict)) {
                    ofThisSize.computeIfAbsent(verdict, v -> new ArrayList<>()).add(search.candidate(set, decision));
                }
                if (verdict != Verdict.READY) {
                    extendable.add(set);
                }
            }
            ofThisSize.forEach((verdict, candidates) -> {
                candidates.sort(Candidate.ORDER);
                List<Candidate> list = found.get(verdict);
                candidates.stream().limit(limit - list.size()).forEach(list::add);
            });
            if (!complete) {
                break;
            }
            level = extendable;
        }
        List<Remedy> remedies = new ArrayList<>();
        for (Verdict target : targets) {
            found.get(target).forEach(candidate -> remedies.add(candidate.remedy(target)));
        }
        return new Remedies(complete, remedies, decider.runs());
    }

    /** A set of changes that reached a verdict, with what it removed. */
    private record Candidate(List<Change> changes, List<FindingRef> removes, List<Severity> removedSeverities,
                             List<FindingRef> adds) {

        /** Heaviest removed first (removing more breaks a tie), then by path. */
        static final Comparator<Candidate> ORDER = ((Comparator<Candidate>) (a, b) -> {
            for (int i = 0; i < Math.min(a.removedSeverities.size(), b.removedSeverities.size()); i++) {
                int bySeverity = a.removedSeverities.get(i).compareTo(b.removedSeverities.get(i));
                if (bySeverity != 0) {
                    return bySeverity;
                }
            }
            return Integer.compare(b.removedSeverities.size(), a.removedSeverities.size());
        }).thenComparing(candidate -> candidate.changes.stream().map(Change::path).toList().toString())
                .thenComparing(candidate -> candidate.changes.stream().map(change -> String.valueOf(change.to()))
                        .toList().toString());

        Remedy remedy(Verdict verdict) {
            return new Remedy(verdict.name(), changes, removes, adds);
        }
    }

    /** One search's state: the request, its decision, every decision made so far by set of changes. */
    private static final class Search {

        private final Decider decider;
        private final Map<String, Object> request;
        private final Decision base;
        private final Map<List<Change>, Decision> decided = new HashMap<>();
        private final Map<String, RuleInfo> rulesById = new HashMap<>();
        private final Map<String, RequestSpace.Input> inputsByPath = new LinkedHashMap<>();
        private final Levers levers;
        private final List<Change> baseHelpful;

        Search(Decider decider, Map<String, Object> request, Decision base) {
            this.decider = decider;
            this.request = request;
            this.base = base;
            CompiledRuleset ruleset = decider.ruleset();
            this.levers = ruleset.levers();
            ruleset.rules().forEach(rule -> rulesById.put(rule.id(), rule));
            Decider.SPACE.inputs(request).stream().filter(input -> input.field() != null)
                    .forEach(input -> inputsByPath.put(input.path(), input));
            decided.put(List.of(), base);
            this.baseHelpful = helpfulOf(base);
        }

        Decision decided(List<Change> set) {
            Decision decision = decided.get(set);
            if (decision == null) {
                Map<String, Object> changed = request;
                for (Change change : set) {
                    changed = RequestSpace.with(changed, inputsByPath.get(change.path()), change.to());
                }
                decision = decider.decide(changed);
                if (decision == null) {
                    throw new IllegalStateException("a lever change made the request invalid: " + set);
                }
                decided.put(set, decision);
            }
            return decision;
        }

        /** No proper subset reaches the verdict or a better one. */
        boolean minimal(List<Change> set, Verdict verdict) {
            int size = set.size();
            for (int mask = 1; mask < (1 << size) - 1; mask++) {
                List<Change> subset = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(set.get(i));
                    }
                }
                if (decided(List.copyOf(subset)).verdict().compareTo(verdict) >= 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether no superset of the set can reach the target: what stands in its way (a blocker, or
         * for READY anything of MEDIUM or heavier; three highs for PROCEED_WITH_CONDITIONS) comes
         * from rules that no lever change left can reach.
         */
        boolean stuck(List<Change> set, Decision decision, Verdict target) {
            Set<String> taken = new java.util.HashSet<>();
            set.forEach(change -> taken.add(change.path()));
            int stuckHigh = 0;
            for (Finding finding : decision.findings()) {
                boolean weighs = target == Verdict.READY ? finding.severity().compareTo(Severity.MEDIUM) <= 0
                        : finding.severity() == Severity.BLOCKER;
                boolean fixed = (weighs || finding.severity() == Severity.HIGH)
                        && unreachable(finding.ruleId(), finding.stakeholderIndex(), taken);
                if (weighs && fixed) {
                    return true;
                }
                if (fixed && finding.severity() == Severity.HIGH && ++stuckHigh >= 3) {
                    return true;
                }
            }
            for (NotAssessed gap : decision.notAssessed()) {
                if (gap.severity() == Severity.BLOCKER && unreachable(gap.ruleId(), gap.stakeholderIndex(), taken)) {
                    return true;
                }
            }
            return false;
        }

        private boolean unreachable(String ruleId, Integer stakeholderIndex, Set<String> taken) {
            Set<String> paths = new TreeSet<>();
            needed(ruleId, stakeholderIndex, paths);
            for (String path : paths) {
                if (!taken.contains(path)) {
                    RequestSpace.Input input = inputsByPath.get(path);
                    Object from = RequestSpace.valueOf(request, input);
                    if (levers.allowed(input.declaredPath()).stream().anyMatch(to -> !Objects.equals(from, to))) {
                        return false;
                    }
                }
            }
            return rulesById.containsKey(ruleId);
        }

        /** The changes that may help: those of the base request's weighing rules, and of this decision's. */
        List<Change> helpful(Decision decision) {
            if (decision == base) {
                return baseHelpful;
            }
            Set<Change> changes = new LinkedHashSet<>(baseHelpful);
            changes.addAll(helpfulOf(decision));
            return List.copyOf(changes);
        }

        private List<Change> helpfulOf(Decision decision) {
            TreeSet<String> paths = new TreeSet<>();
            for (Finding finding : decision.findings()) {
                if (finding.severity().compareTo(Severity.MEDIUM) <= 0) {
                    needed(finding.ruleId(), finding.stakeholderIndex(), paths);
                }
            }
            for (NotAssessed gap : decision.notAssessed()) {
                if (gap.severity() == Severity.BLOCKER) {
                    needed(gap.ruleId(), gap.stakeholderIndex(), paths);
                }
            }
            List<Change> changes = new ArrayList<>();
            for (String path : paths) {
                RequestSpace.Input input = inputsByPath.get(path);
                Object from = RequestSpace.valueOf(request, input);
                for (Object to : levers.allowed(input.declaredPath())) {
                    if (!Objects.equals(from, to)) {
                        changes.add(new Change(path, from, to));
                    }
                }
            }
            return changes;
        }

        private void needed(String ruleId, Integer stakeholderIndex, Set<String> paths) {
            RuleInfo rule = rulesById.get(ruleId);
            if (rule == null) {
                return;
            }
            for (String need : rule.needs()) {
                if (need.startsWith(RequestSpace.LIST + "[].")) {
                    String field = need.substring((RequestSpace.LIST + "[].").length());
                    inputsByPath.values().stream()
                            .filter(input -> input.index() >= 0 && input.field().equals(field)
                                    && (stakeholderIndex == null || input.index() == stakeholderIndex))
                            .forEach(input -> paths.add(input.path()));
                } else if (inputsByPath.containsKey(need)) {
                    paths.add(need);
                }
            }
        }

        Candidate candidate(List<Change> set, Decision decision) {
            Map<String, Finding> before = byKey(base.findings());
            Map<String, Finding> after = byKey(decision.findings());
            List<Finding> removed = before.entrySet().stream().filter(entry -> !after.containsKey(entry.getKey()))
                    .map(Map.Entry::getValue).toList();
            List<FindingRef> adds = after.entrySet().stream().filter(entry -> !before.containsKey(entry.getKey()))
                    .map(entry -> FindingRef.of(entry.getValue())).sorted(FindingRef.ORDER).toList();
            List<Change> changes = set.stream().map(change -> new Change(change.path(),
                    RequestSpace.valueOf(request, inputsByPath.get(change.path())), change.to())).toList();
            return new Candidate(changes, removed.stream().map(FindingRef::of).sorted(FindingRef.ORDER).toList(),
                    removed.stream().map(Finding::severity).sorted().toList(), adds);
        }

        private static Map<String, Finding> byKey(List<Finding> findings) {
            Map<String, Finding> keyed = new LinkedHashMap<>();
            findings.forEach(finding -> keyed.put(finding.ruleId() + "#" + finding.stakeholderIndex(), finding));
            return keyed;
        }
    }
}
