package nl.draagvlak.advice;

import java.util.List;

/**
 * An unknown input the rules need, with the verdict each of its values would give while every
 * other unknown stays unknown. The absent stakeholder list is one question without outcomes.
 */
public record Question(String path, List<Outcome> outcomes) {

    public record Outcome(Object value, String verdict) {
    }

    public Question {
        outcomes = List.copyOf(outcomes);
    }
}
