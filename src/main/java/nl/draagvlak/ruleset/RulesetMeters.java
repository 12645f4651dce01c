package nl.draagvlak.ruleset;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.draagvlak.engine.CompiledRuleset;

/**
 * The ruleset's meters. Prometheus shows {@code draagvlak_ruleset_reload_total} (candidates the
 * gate judged, by {@code outcome}: {@code activated} or {@code rejected}) and
 * {@code draagvlak_ruleset_info} (1, with the active {@code version} as its tag).
 */
final class RulesetMeters {

    static final String RELOAD = "draagvlak.ruleset.reload";
    static final String INFO = "draagvlak.ruleset.info";

    private final MeterRegistry registry;
    private Gauge active;

    private RulesetMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Binds the counters and follows the active version from now on. */
    static void bind(MeterRegistry registry, RuleCounters counters, ActiveRuleset rulesets) {
        FunctionCounter.builder(RELOAD, counters, RuleCounters::activatedCandidates)
                .description("Candidate rulesets the gate judged, by outcome")
                .tag("outcome", "activated").register(registry);
        FunctionCounter.builder(RELOAD, counters, RuleCounters::rejectedCandidates)
                .description("Candidate rulesets the gate judged, by outcome")
                .tag("outcome", "rejected").register(registry);
        RulesetMeters meters = new RulesetMeters(registry);
        rulesets.onActivation(meters::activated);
    }

    private synchronized void activated(CompiledRuleset ruleset) {
        if (active != null) {
            registry.remove(active);
        }
        active = Gauge.builder(INFO, () -> 1)
                .description("The active ruleset: always 1, its version is the tag")
                .tag("version", ruleset.version())
                .register(registry);
    }
}
