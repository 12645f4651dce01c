package nl.draagvlak.model;

/** Where the design of the change starts. */
public enum StartingPoint {
    FRONT_OFFICE, BACK_OFFICE, ORGANISATION, INFRASTRUCTURE
}
