package nl.draagvlak.audit;

import java.util.Optional;

/** Where decisions are recorded before they are answered. */
public interface AuditTrail {

    /**
     * Stores the record durably and returns once it is committed.
     *
     * @throws AuditUnavailableException when the store is unreachable or refusing: the decision must not be
     *                                   answered, and a retry later may succeed
     *                                   ({@link AuditOutcomeUnknownException} when the store stopped answering
     *                                   during its commit)
     * @throws AuditStoreFailureException when the store fails for a reason no retry fixes (bad SQL, a
     *                                    broken schema): the decision must not be answered either
     * @throws DuplicateIdempotencyKeyException when the caller's idempotency key is already stored
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

    /** Whether records can be written: false once the writer has stopped (for the readiness check). */
    default boolean isWriterAlive() {
        return true;
    }

    /** The decision stored under an idempotency key of this caller (null: requests without caller), if any. */
    Optional<DecisionRecord> findByIdempotencyKey(String caller, String key);
}
