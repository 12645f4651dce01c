package nl.draagvlak.advice;

import java.util.Map;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;

/**
 * Decides candidate requests (JSON trees, read by the API's own strict reader) on one ruleset,
 * without a trace, and counts how many times it ran the engine.
 */
final class Decider {

    /** Only its request operations are used, which need no thresholds. */
    static final RequestSpace SPACE = new RequestSpace(java.util.List.of());

    private final DecisionEngine engine;
    private final CompiledRuleset ruleset;
    private int runs;

    Decider(DecisionEngine engine, CompiledRuleset ruleset) {
        this.engine = engine;
        this.ruleset = ruleset;
    }

    /** The decision, or null when the API would refuse the request. */
    Decision decide(Map<String, Object> request) {
        DecisionRequest read = SPACE.read(request);
        if (read == null) {
            return null;
        }
        runs++;
        return engine.decide(ruleset, read, false);
    }

    int runs() {
        return runs;
    }

    CompiledRuleset ruleset() {
        return ruleset;
    }
}
