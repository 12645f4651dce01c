package nl.draagvlak.audit;

import java.util.Optional;

/**
 * Stores nothing: only for measuring the service without its audit store
 * ({@code draagvlak.audit.enabled=false}). Decisions made this way cannot be looked up or replayed.
 */
final class NoAuditTrail implements AuditTrail {

    @Override
    public void store(DecisionRecord record) {
        // deliberately nothing: see the class comment
    }

    @Override
    public void storeFailure(FailureRecord failure) {
        // deliberately nothing: see the class comment
    }

    @Override
    public boolean records() {
        return false;
    }

    @Override
    public Optional<DecisionRecord> findByIdempotencyKey(String caller, String key) {
        return Optional.empty();
    }
}
