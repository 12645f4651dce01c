package nl.draagvlak.model;

/**
 * A kind of resistance observed in a department (draagvlak: Eerste stap: het bedrijf in). The last
 * two are the article's own quote of resistance ("Waar is dat goed voor? ... Dat kunnen we ook best
 * zelf bedenken. Het gaat nu toch prima?"), since catalogue 1.1.
 */
public enum Resistance {
    UNFAMILIAR_WITH_TECHNIQUE, DOES_NOT_UNDERSTAND, DISTRUSTS_TECHNIQUE, DOES_NOT_UNDERSTAND_INPUT_DATA, AVERSE_TO_CHANGE,
    SEES_NO_NEED, NOT_INVENTED_HERE
}
