package nl.draagvlak.audit;

import java.time.Instant;

/**
 * A request that got no decision because a rule failed (it threw, ran away or ran too long): kept
 * in the chain as a record of kind FAILURE, never as a decision.
 *
 * @param ruleId the id of the rule at fault, or null when no single rule is
 */
public record FailureRecord(Instant failedAt, String rulesetVersion, String requestHash, String requestBody,
                            String ruleId, String error, String caller) {
}
