package nl.draagvlak.model;

/** A coarse amount, used for resources and organisational support. */
public enum Level {
    LOW, MEDIUM, HIGH
}
