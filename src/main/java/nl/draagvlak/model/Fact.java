package nl.draagvlak.model;

import java.util.Map;

/** A fact the rules can match; the trace names it by its label and keeps its snapshot. */
public interface Fact {

    /** How the trace names this fact, e.g. {@code DesignStrategy} or {@code Stakeholder[2]}. */
    String label();

    /** The fact's values as the rules saw them; absent values are left out. */
    Map<String, Object> snapshot();
}
