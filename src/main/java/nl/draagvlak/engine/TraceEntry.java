package nl.draagvlak.engine;

import java.util.List;
import nl.draagvlak.model.Fact;

/**
 * One rule activation that fired, in firing order: the rule, where it is written, and the facts
 * it matched (immutable, so they can be snapshotted later for the audit trail).
 */
public record TraceEntry(int seq, String ruleId, String rule, String file, List<Fact> facts) {

    public TraceEntry {
        facts = List.copyOf(facts);
    }

    /** The matched facts by label, e.g. {@code ["DesignStrategy", "Preconditions"]}. */
    public List<String> matched() {
        return facts.stream().map(Fact::label).toList();
    }
}
