package nl.draagvlak.audit;

import java.time.Instant;

/** Filters for listing decisions, newest first; {@code beforeSequence} is the keyset cursor. */
public record DecisionSearch(String ruleId, String verdict, Instant from, Instant to, String rulesetVersion,
                             Long beforeSequence, int limit) {
}
