package nl.draagvlak.audit;

import java.time.Instant;

/**
 * Everything the audit trail keeps of one decision, as it was received and answered.
 *
 * @param requestBody  the request body exactly as received (UTF-8 JSON)
 * @param responseBody the 201 body exactly as answered
 * @param traceJson    the full trace, with a snapshot of every fact each activation matched
 * @param timingsJson  how long deciding took, in microseconds, per step
 * @param ruleIds      the ids of the rules that fired, in firing order (a rule once per firing): for search
 *                     and the daily counts of rule use
 * @param language     the language of the findings' messages ({@code en} or {@code nl})
 */
public record DecisionRecord(String decisionId, Instant decidedAt, String rulesetVersion, String verdict,
                             String idempotencyKey, String requestHash, String requestBody, String responseBody,
                             String traceJson, String timingsJson, String caller, java.util.List<String> ruleIds,
                             String language) {

    public static final String ENGLISH = "en";

    /** A decision answered in English. */
    public DecisionRecord(String decisionId, Instant decidedAt, String rulesetVersion, String verdict,
                          String idempotencyKey, String requestHash, String requestBody, String responseBody,
                          String traceJson, String timingsJson, String caller, java.util.List<String> ruleIds) {
        this(decisionId, decidedAt, rulesetVersion, verdict, idempotencyKey, requestHash, requestBody, responseBody,
                traceJson, timingsJson, caller, ruleIds, ENGLISH);
    }
}
