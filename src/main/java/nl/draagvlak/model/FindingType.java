package nl.draagvlak.model;

/** What kind of finding a rule raises. */
public enum FindingType {
    RISK, PRECONDITION_UNMET, SUCCESS_FACTOR_MISSING, RECOMMENDATION, STRENGTH, NOTE
}
