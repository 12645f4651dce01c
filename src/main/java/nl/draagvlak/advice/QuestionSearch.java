package nl.draagvlak.advice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.engine.ThresholdLint;
import nl.draagvlak.contract.RequestLimits;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.model.Verdict;

/**
 * What to find out: each unknown input that a rule {@code @needs}, with the verdict each of its
 * values gives when it alone is filled in. Booleans and enums take every value; numbers the values
 * either side of each threshold the rules compare with ({@link ThresholdLint#numbers}); a set of
 * kinds (resistance) takes none and each kind alone. Ordered by how many different verdicts an
 * input can lead to, then by the worst of them, then by path.
 */
public final class QuestionSearch {

    /** The values each input can take, per ruleset version: reading the thresholds parses every rule file. */
    private record Domain(RequestSpace space, List<Integer> numbers) {
    }

    private static final Map<String, Domain> DOMAINS = new java.util.concurrent.ConcurrentHashMap<>();

    private final DecisionEngine engine;

    public QuestionSearch(DecisionEngine engine) {
        this.engine = engine;
    }

    public Questions search(CompiledRuleset ruleset, Map<String, Object> request) {
        Decider decider = new Decider(engine, ruleset);
        Set<String> needed = new TreeSet<>();
        ruleset.rules().stream().map(RuleInfo::needs).forEach(needed::addAll);
        Domain domain = DOMAINS.computeIfAbsent(ruleset.version(), version -> {
            Set<Integer> thresholds = ThresholdLint.numbers(ruleset.files());
            return new Domain(new RequestSpace(thresholds), numbers(thresholds));
        });
        RequestSpace space = domain.space();
        List<Integer> numbers = domain.numbers();
        List<Question> questions = new ArrayList<>();
        List<Integer> spread = new ArrayList<>();
        List<Verdict> worst = new ArrayList<>();
        for (RequestSpace.Input input : space.inputs(request)) {
            boolean list = input.field() == null;
            boolean neededInput = list ? needed.stream().anyMatch(need -> need.startsWith(RequestSpace.LIST))
                    : needed.contains(input.declaredPath());
            if (!neededInput || RequestSpace.valueOf(request, input) != null) {
                continue;
            }
            if (list) {
                questions.add(new Question(input.path(), List.of()));
                spread.add(0);
                worst.add(Verdict.READY);
                continue;
            }
            List<Question.Outcome> outcomes = new ArrayList<>();
            Set<Verdict> verdicts = new TreeSet<>();
            for (Object value : values(space, input, numbers)) {
                Decision decision = decider.decide(RequestSpace.with(request, input, value));
                if (decision != null) {
                    outcomes.add(new Question.Outcome(value, decision.verdict().name()));
                    verdicts.add(decision.verdict());
                }
            }
            if (!outcomes.isEmpty()) {
                questions.add(new Question(input.path(), outcomes));
                spread.add(verdicts.size());
                worst.add(verdicts.iterator().next());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -spread.get(i)).thenComparing(worst::get)
                .thenComparing(i -> questions.get(i).path()));
        return new Questions(order.stream().map(questions::get).toList(), decider.runs());
    }

    private static List<Object> values(RequestSpace space, RequestSpace.Input input, List<Integer> numbers) {
        List<Object> domain = space.values(input).stream().filter(value -> value != null).toList();
        if (domain.stream().anyMatch(Integer.class::isInstance)) {
            return new ArrayList<>(numbers);
        }
        if (domain.stream().anyMatch(List.class::isInstance)) {
            return domain.stream().filter(value -> ((List<?>) value).size() <= 1).toList();
        }
        return domain.stream().filter(value -> !(value instanceof String) || !"a name".equals(value)).toList();
    }

    /** The whole numbers either side of each threshold: t-1, t and t+1 cover "under t" and "over t" alike. */
    private static List<Integer> numbers(Set<Integer> thresholds) {
        TreeSet<Integer> values = new TreeSet<>();
        for (int threshold : thresholds) {
            for (int value : Arrays.asList(threshold - 1, threshold, threshold + 1)) {
                if (value >= RequestLimits.MIN_LEAD_TIME_MONTHS && value <= RequestLimits.MAX_LEAD_TIME_MONTHS) {
                    values.add(value);
                }
            }
        }
        return new ArrayList<>(values);
    }
}
