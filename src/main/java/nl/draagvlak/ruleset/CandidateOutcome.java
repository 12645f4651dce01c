package nl.draagvlak.ruleset;

import java.time.Instant;
import java.util.List;
import nl.draagvlak.engine.RuleProblem;

/**
 * What the gate made of one candidate ruleset: activated, or rejected with the problems that
 * compile and lint found and the scenarios it failed. A rollback is activated even when scenarios
 * fail on it (they describe the newer rules); those are listed here and with the activation.
 */
public record CandidateOutcome(String version, Instant at, Outcome outcome, List<RuleProblem> problems,
                               List<String> failingScenarios) {

    public enum Outcome { ACTIVATED, REJECTED }

    public CandidateOutcome {
        problems = List.copyOf(problems);
        failingScenarios = List.copyOf(failingScenarios);
    }
}
