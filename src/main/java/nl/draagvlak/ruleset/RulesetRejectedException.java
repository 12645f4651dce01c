package nl.draagvlak.ruleset;

/** A version asked for by name does not pass compile and lint; the active ruleset stays. */
public final class RulesetRejectedException extends RuntimeException {

    private final transient CandidateOutcome outcome;

    public RulesetRejectedException(CandidateOutcome outcome) {
        super("ruleset " + outcome.version() + " does not compile or lint: " + outcome.problems().size()
                + " problem(s)");
        this.outcome = outcome;
    }

    public CandidateOutcome outcome() {
        return outcome;
    }
}
