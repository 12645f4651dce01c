package nl.draagvlak.audit;

import java.util.Optional;

/** Where decisions are recorded before they are answered. */
public interface AuditTrail {

    /**
     * Stores the record durably and returns once it is committed.
     *
     * @throws AuditUnavailableException when the store is unreachable or refusing: the decision must not be
     *                                   answered, and a retry later may succeed
     * @throws AuditStoreFailureException when the store fails for a reason no retry fixes (bad SQL, a
     *                                    broken schema): the decision must not be answered either
     */
    void store(DecisionRecord record);

    /** Whether records are kept; when not, the service does not build what only the record holds. */
    default boolean records() {
        return true;
    }

    /** The decision stored under an idempotency key, if any. */
    Optional<DecisionRecord> findByIdempotencyKey(String key);
}
