package nl.draagvlak.model;

/** Where the change is driven from. */
public enum Direction {
    TOP_DOWN, BOTTOM_UP
}
