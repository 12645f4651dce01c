package nl.draagvlak.audit;

import java.time.Instant;

/**
 * Filters for listing decisions, newest first; {@code beforeSequence} is the keyset cursor;
 * {@code caller} the signed-in caller who asked for the decision.
 */
public record DecisionSearch(String ruleId, String verdict, Instant from, Instant to, String rulesetVersion,
                             Long beforeSequence, int limit, String caller) {

    public DecisionSearch(String ruleId, String verdict, Instant from, Instant to, String rulesetVersion,
                          Long beforeSequence, int limit) {
        this(ruleId, verdict, from, to, rulesetVersion, beforeSequence, limit, null);
    }
}
