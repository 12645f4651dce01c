package nl.draagvlak.model;

/** A kind of resistance observed in a department (draagvlak: Eerste stap: het bedrijf in). */
public enum Resistance {
    UNFAMILIAR_WITH_TECHNIQUE, DOES_NOT_UNDERSTAND, DISTRUSTS_TECHNIQUE, DOES_NOT_UNDERSTAND_INPUT_DATA, AVERSE_TO_CHANGE
}
