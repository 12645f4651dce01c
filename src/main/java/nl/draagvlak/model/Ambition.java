package nl.draagvlak.model;

/** How far the design reaches. */
public enum Ambition {
    LOW_HANGING_FRUIT, RADICAL_REDESIGN
}
