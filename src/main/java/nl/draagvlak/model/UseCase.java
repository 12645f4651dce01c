package nl.draagvlak.model;

/** What an analytics solution is used for. */
public enum UseCase {
    NEXT_BEST_ACTION, OTHER
}
