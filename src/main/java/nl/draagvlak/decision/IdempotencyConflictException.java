package nl.draagvlak.decision;

/** An idempotency key was reused with a different request body. */
final class IdempotencyConflictException extends RuntimeException {

    IdempotencyConflictException(String key) {
        super("the Idempotency-Key '" + key + "' was already used with a different request body");
    }
}
