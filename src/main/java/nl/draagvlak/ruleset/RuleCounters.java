package nl.draagvlak.ruleset;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what an operator watches: candidates activated and rejected, and decisions stopped
 * because a rule failed. Plain counters; {@link RulesetMeters} shows the candidates to Prometheus
 * as {@code draagvlak_ruleset_reload_total}.
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

    /** {@code draagvlak_ruleset_reload_total{outcome="activated"}} */
    public long activatedCandidates() {
        return activated.get();
    }

    /** {@code draagvlak_ruleset_reload_total{outcome="rejected"}} */
    public long rejectedCandidates() {
        return rejected.get();
    }

    /** Decisions a rule stopped (it threw, ran away or ran too long). */
    public long ruleFailures() {
        return ruleFailures.get();
    }
}
