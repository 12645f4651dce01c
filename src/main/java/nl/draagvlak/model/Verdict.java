package nl.draagvlak.model;

/** The overall answer to: is this plan ready to go? */
public enum Verdict {
    NOT_READY, INSUFFICIENT_INFORMATION, PROCEED_WITH_CONDITIONS, READY
}
