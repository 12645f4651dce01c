package nl.draagvlak.engine;

/** A rule misbehaved while deciding (it threw, or fired without end); the decision is void. */
public final class RuleExecutionException extends RuntimeException {

    private final String ruleId;

    public RuleExecutionException(String ruleId, String message, Throwable cause) {
        super(message, cause);
        this.ruleId = ruleId;
    }

    /** The id of the rule at fault, or null when no single rule is. */
    public String ruleId() {
        return ruleId;
    }
}
