package nl.draagvlak.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.model.Assessment;
import nl.draagvlak.model.Fact;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.model.VerdictDecision;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * The engine core: facts in, decision and trace out. Each decision runs in a session of its own,
 * disposed afterwards. Finding and helper rules fire first; then the rules of agenda group
 * {@code verdict} weigh what was found, and exactly one of them must fire.
 *
 * <p>Firings are bounded, so a rule that keeps re-activating itself ends in an error that names
 * it instead of a hung thread. The bound is far above what the largest legal request needs
 * (100 stakeholders with every per-stakeholder rule firing is about 1,200 firings).
 *
 * <p>Time is bounded too: after each firing the decision's clock is looked at, and once it is past
 * the time limit the session halts and the decision fails, naming the rule that fired last. A
 * consequence that never returns cannot be stopped this way (the JVM cannot interrupt it), which is
 * why the lint refuses loops and blocking calls in consequences.
 */
public final class DecisionEngine {

    public static final int DEFAULT_MAX_FIRINGS = 20_000;
    /** No time limit: only the service bounds time ({@code draagvlak.decisions.time-limit}), where callers wait. */
    public static final Duration NO_TIME_LIMIT = Duration.ZERO;
    private static final String VERDICT_GROUP = "verdict";

    /** The contract's order of findings: severity (heaviest first), rule id, stakeholder. */
    static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::stakeholderIndex, Comparator.nullsFirst(Comparator.naturalOrder()));
    static final Comparator<NotAssessed> NOT_ASSESSED_ORDER = Comparator
            .comparing(NotAssessed::ruleId)
            .thenComparing(NotAssessed::stakeholderIndex, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int maxFirings;
    private final boolean pooled;
    private final Duration timeLimit;

    public DecisionEngine() {
        this(DEFAULT_MAX_FIRINGS);
    }

    public DecisionEngine(int maxFirings) {
        this(maxFirings, true);
    }

    /** @param pooled reuse sessions (the default); false builds a fresh one per decision */
    public DecisionEngine(int maxFirings, boolean pooled) {
        this(maxFirings, pooled, NO_TIME_LIMIT);
    }

    /** @param timeLimit how long one decision's firing may take, checked at each firing; zero for no limit */
    public DecisionEngine(int maxFirings, boolean pooled, Duration timeLimit) {
        this.maxFirings = maxFirings;
        this.pooled = pooled;
        this.timeLimit = timeLimit;
    }

    public Decision decide(CompiledRuleset ruleset, DecisionRequest request, boolean tracing) {
        List<Fact> facts = RequestFacts.of(request);
        Assessment assessment = new Assessment(ruleset.metaByName());
        FiringRecorder recorder = new FiringRecorder(ruleset, assessment, tracing);
        KieSession session = pooled ? ruleset.sessions().newKieSession() : ruleset.kieBase().newKieSession();
        int firings;
        try {
            recorder.haltWith(session::halt);
            session.setGlobal("assessment", assessment);
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            for (Fact fact : facts) {
                session.insert(fact);
            }
            if (!timeLimit.isZero()) {
                // From the first firing: building a cold session's network is the engine's time, not a rule's.
                recorder.stopAfter(System.nanoTime() + timeLimit.toNanos());
            }
            firings = fire(session, recorder, 0, ruleset);
            session.getAgenda().getAgendaGroup(VERDICT_GROUP).setFocus();
            firings = fire(session, recorder, firings, ruleset);
        } finally {
            // Listeners belong to this decision; a pooled session keeps them across reuse otherwise.
            session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            session.dispose();
        }
        VerdictDecision verdict = onlyVerdict(assessment.verdicts(), ruleset);
        List<Finding> findings = new ArrayList<>(assessment.findings());
        findings.sort(FINDING_ORDER);
        List<NotAssessed> notAssessed = new ArrayList<>(assessment.notAssessed());
        notAssessed.sort(NOT_ASSESSED_ORDER);
        return new Decision(ruleset.version(), ruleset.rules().size(), verdict.verdict(), verdict.ruleId(),
                findings, notAssessed, recorder.trace(), firings);
    }

    private int fire(KieSession session, FiringRecorder recorder, int firedSoFar, CompiledRuleset ruleset) {
        int allowed = maxFirings - firedSoFar;
        int fired;
        try {
            fired = session.fireAllRules(allowed);
        } catch (ConsequenceException e) {
            String name = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            RuleInfo rule = e.getMatch() == null ? null : ruleset.ruleNamed(name);
            throw new RuleExecutionException(rule == null ? null : rule.id(), "rule \"" + name + "\""
                    + (rule == null ? "" : " (" + rule.id() + ", " + rule.file() + ":" + rule.line() + ")")
                    + " failed: " + cause, cause);
        }
        RuleInfo overdue = recorder.overdueRule();
        if (overdue != null) {
            RuleInfo slowest = recorder.slowestRule();
            throw new RuleExecutionException(slowest.id(), "the decision took longer than its time limit of "
                    + timeLimit.toMillis() + " ms and was stopped after rule \"" + overdue.name() + "\" fired; rule \""
                    + slowest.name() + "\" (" + slowest.id() + ", " + slowest.file() + ":" + slowest.line() + ") took "
                    + recorder.millisIn(slowest) + " ms of it", null);
        }
        if (fired >= allowed) {
            RuleInfo busiest = recorder.busiestRule();
            String who = busiest == null ? "no rule" : "rule \"" + busiest.name() + "\" (" + busiest.id() + ", "
                    + busiest.file() + ":" + busiest.line() + ") fired " + recorder.firingsOf(busiest) + " times";
            throw new RuleExecutionException(busiest == null ? null : busiest.id(),
                    "the rules did not settle within " + maxFirings + " firings: " + who
                            + "; a rule that changes what it matches re-activates itself", null);
        }
        return firedSoFar + fired;
    }

    private static VerdictDecision onlyVerdict(List<VerdictDecision> verdicts, CompiledRuleset ruleset) {
        if (verdicts.size() != 1) {
            throw new RuleExecutionException(null, "exactly one verdict rule must fire, but " + verdicts.size()
                    + " did (" + verdicts.stream().map(VerdictDecision::ruleId).toList() + ") in ruleset "
                    + ruleset.version(), null);
        }
        return verdicts.get(0);
    }
}
