package nl.draagvlak.model;

/** How far a department is involved in the change, from not at all to co-developing it. */
public enum Involvement {
    NONE, INFORMED, CONSULTED, CO_DEVELOPING
}
