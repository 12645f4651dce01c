package nl.draagvlak.decision;

/** The request body is larger than the contract allows. */
final class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(int limit) {
        super("the request body must be at most " + limit + " bytes");
    }
}
