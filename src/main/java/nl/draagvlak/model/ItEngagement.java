package nl.draagvlak.model;

/** How the IT department was brought in. */
public enum ItEngagement {
    NONE, BACKLOG_REQUEST, TOP_DOWN_MANDATE, JOINT_DEVELOPMENT
}
