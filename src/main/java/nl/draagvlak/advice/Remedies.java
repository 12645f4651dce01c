package nl.draagvlak.advice;

import java.util.List;

/**
 * The remedies of one request: READY ones first, then PROCEED_WITH_CONDITIONS ones, each group
 * smallest first. {@code complete} is false when the time bound ended the search before it had
 * either found {@code limit} remedies per verdict or tried every set of changes that could help.
 */
public record Remedies(boolean complete, List<Remedy> remedies, int engineRuns) {

    public Remedies {
        remedies = List.copyOf(remedies);
    }
}
