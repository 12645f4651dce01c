package nl.draagvlak.model;

/** What kind of change the initiative is. */
public enum InitiativeKind {
    MULTICHANNEL_MIGRATION, ANALYTICS_SOLUTION, OTHER_CHANGE
}
