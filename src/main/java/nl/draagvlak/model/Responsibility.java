package nl.draagvlak.model;

/** Who carries responsibility for the change. */
public enum Responsibility {
    LINE_MANAGEMENT, PROJECT_ORGANISATION
}
