package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.model.Assessment;
import nl.draagvlak.model.Fact;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Listens to one session: counts firings per rule (to name a runaway rule) and, when tracing,
 * records each activation that concluded something. An activation that only found its rule
 * undecided raised nothing; it is reported under "not assessed" instead of in the trace.
 */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final CompiledRuleset ruleset;
    private final Assessment assessment;
    private final boolean tracing;
    private final List<TraceEntry> trace = new ArrayList<>();
    private final Map<String, Integer> firingsByRule = new HashMap<>();
    private final Map<String, Integer> updatesByRule = new HashMap<>();
    private boolean timed;
    private long deadlineNanos;
    private Runnable halt = () -> { };
    private String overdueRule;
    private final Map<String, Long> nanosByRule = new HashMap<>();
    private long firingStarted;

    FiringRecorder(CompiledRuleset ruleset, Assessment assessment, boolean tracing) {
        this.ruleset = ruleset;
        this.assessment = assessment;
        this.tracing = tracing;
    }

    /** Stops the decision at its first firing after this {@link System#nanoTime()}. */
    void stopAfter(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.timed = true;
    }

    /** What stops the session once the deadline has passed. */
    void haltWith(Runnable halt) {
        this.halt = halt;
    }

    /** The rule that fired when the deadline had passed, or null while the decision is in time. */
    RuleInfo overdueRule() {
        return overdueRule == null ? null : ruleset.ruleNamed(overdueRule);
    }

    /** The rule whose firings took the most time in all: the likeliest cause of a decision out of time. */
    RuleInfo slowestRule() {
        return nanosByRule.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(entry -> ruleset.ruleNamed(entry.getKey())).orElse(null);
    }

    /** How long a rule's firings took in all, in milliseconds. */
    long millisIn(RuleInfo rule) {
        return nanosByRule.getOrDefault(rule.name(), 0L) / 1_000_000;
    }

    @Override
    public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
        if (timed) {
            firingStarted = System.nanoTime();
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        String name = match.getRule().getName();
        firingsByRule.merge(name, 1, Integer::sum);
        if (timed) {
            nanosByRule.merge(name, System.nanoTime() - firingStarted, Long::sum);
        }
        if (timed && overdueRule == null && System.nanoTime() - deadlineNanos > 0) {
            overdueRule = name;
            halt.run();
        }
        boolean undecided = assessment.takeLastConclusionUndecided();
        if (tracing && !undecided) {
            RuleInfo rule = ruleset.ruleNamed(name);
            trace.add(new TraceEntry(trace.size() + 1, rule.id(), rule.name(), rule.file(), factsOf(match)));
        }
    }

    List<TraceEntry> trace() {
        return trace;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        // inserts are how rules conclude; they do not make a loop on their own
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (event.getRule() != null) {
            updatesByRule.merge(event.getRule().getName(), 1, Integer::sum);
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getRule() != null) {
            updatesByRule.merge(event.getRule().getName(), 1, Integer::sum);
        }
    }

    /**
     * The likeliest cause when the firing limit is reached: the rule that changed facts most often
     * (a rule that modifies what it matches re-activates itself and others), else the one that fired most.
     */
    RuleInfo busiestRule() {
        Map<String, Integer> counts = updatesByRule.isEmpty() ? firingsByRule : updatesByRule;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(entry -> ruleset.ruleNamed(entry.getKey())).orElse(null);
    }

    int firingsOf(RuleInfo rule) {
        return firingsByRule.getOrDefault(rule.name(), 0);
    }

    private static List<Fact> factsOf(Match match) {
        List<Fact> facts = new ArrayList<>();
        for (Object object : match.getObjects()) {
            if (object instanceof Fact fact) {
                facts.add(fact);
            }
        }
        return facts;
    }
}
