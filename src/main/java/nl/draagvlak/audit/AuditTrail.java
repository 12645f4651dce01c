package nl.draagvlak.audit;

import java.util.Optional;

/** Where decisions are recorded before they are answered. */
public interface AuditTrail {

    /**
     * Stores the record durably and returns once it is committed.
     *
     * @throws AuditUnavailableException when it cannot be committed: the decision must not be answered
     */
    void store(DecisionRecord record);

    /**
     * Stores a request that a rule failed on, with the rule and the error; returns once committed.
     *
     * @throws AuditUnavailableException when it cannot be committed
     */
    void storeFailure(FailureRecord failure);

    /** Whether records are kept; when not, the service does not build what only the record holds. */
    default boolean records() {
        return true;
    }

    /** The decision stored under an idempotency key, if any. */
    Optional<DecisionRecord> findByIdempotencyKey(String key);
}
