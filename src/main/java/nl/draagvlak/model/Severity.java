package nl.draagvlak.model;

/** How heavily a finding weighs; declared from heaviest to lightest, which is the order findings are listed in. */
public enum Severity {
    BLOCKER, HIGH, MEDIUM, LOW, INFO
}
