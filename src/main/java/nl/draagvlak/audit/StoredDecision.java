package nl.draagvlak.audit;

import java.time.Instant;

/** A decision as the audit store holds it, with its place in the chain. */
public record StoredDecision(long sequence, String decisionId, Instant decidedAt, String rulesetVersion,
                             String verdict, String requestBody, String responseBody, String trace,
                             String timings, String caller, String hash) {
}
