package nl.draagvlak.ruleset;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what an operator watches: candidates activated and rejected, and decisions stopped
 * because a rule failed. Plain counters, so that a metrics registry can bind them as gauges of
 * their own when the service exposes metrics (Micrometer is not on the classpath yet).
 */
public final class RuleCounters {

    private final AtomicLong activated = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong ruleFailures = new AtomicLong();

    void candidateActivated() {
        activated.incrementAndGet();
    }

    void candidateRejected() {
        rejected.incrementAndGet();
    }

    public void ruleFailed() {
        ruleFailures.incrementAndGet();
    }

    /** {@code draagvlak.rules.candidates{outcome=activated}} */
    public long activatedCandidates() {
        return activated.get();
    }

    /** {@code draagvlak.rules.candidates{outcome=rejected}} */
    public long rejectedCandidates() {
        return rejected.get();
    }

    /** {@code draagvlak.decisions.rule.failures}: decisions a rule stopped (it threw, ran away or ran too long). */
    public long ruleFailures() {
        return ruleFailures.get();
    }
}
