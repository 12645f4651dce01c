package nl.draagvlak.audit;

/**
 * The caller's idempotency key is already taken by a stored record (or by an earlier record of
 * the same batch). Only this record is refused; the rest of its batch is committed.
 */
public final class DuplicateIdempotencyKeyException extends RuntimeException {

    public DuplicateIdempotencyKeyException(String key) {
        super("the Idempotency-Key '" + key + "' is already stored for this caller");
    }
}
