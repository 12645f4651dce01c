package nl.draagvlak.web;

/** The request body is larger than the contract allows. */
public final class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(int limit) {
        super("the request body must be at most " + limit + " bytes");
    }
}
