package nl.draagvlak.model;

/** An internal department that a change may affect. */
public enum Department {
    MARKETING, CALL_CENTER_INBOUND, CALL_CENTER_OUTBOUND, IT, BUSINESS_MANAGEMENT, BACK_OFFICE, FRONT_OFFICE, FINANCE, OTHER
}
