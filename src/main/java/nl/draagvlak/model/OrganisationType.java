package nl.draagvlak.model;

/** Who plans the change. */
public enum OrganisationType {
    MUNICIPALITY, PUBLIC_AGENCY, COMPANY
}
