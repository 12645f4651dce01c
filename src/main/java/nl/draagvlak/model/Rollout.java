package nl.draagvlak.model;

/** How the change is rolled out. */
public enum Rollout {
    BIG_BANG, STEPWISE
}
