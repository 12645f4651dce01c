package nl.draagvlak.web;

/** A decision, ruleset or other resource that does not exist. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
