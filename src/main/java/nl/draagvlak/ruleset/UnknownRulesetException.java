package nl.draagvlak.ruleset;

/** A ruleset version that was never activated here, so the store has no files for it. */
public final class UnknownRulesetException extends RuntimeException {

    public UnknownRulesetException(String version) {
        super("no ruleset " + version + " is stored");
    }
}
