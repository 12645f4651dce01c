package nl.draagvlak.audit;

/**
 * A verify {@code since} a head that this chain does not have (any more): another hash at its
 * sequence, no record there, or no head signed off yet. Nothing was checked; a full verify
 * names what is wrong.
 */
public final class UnknownHeadException extends RuntimeException {

    public UnknownHeadException(String message) {
        super(message);
    }
}
