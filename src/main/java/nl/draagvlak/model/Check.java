package nl.draagvlak.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The three-valued outcome of a rule's condition: it holds, it does not hold, or the facts
 * known so far cannot settle it. Unknown is never treated as false (catalogue: "unknown is
 * not false"); an undecided check names the request fields whose value could settle it.
 *
 * <p>{@link #andAlso} and {@link #orElse} (named so because {@code and} and {@code or} are DRL
 * keywords, even after a dot) follow Kleene's logic: an <em>and</em> is false as soon as
 * one known part is false, an <em>or</em> true as soon as one known part is true, whatever
 * else is unknown (catalogue, precise reading 2).
 */
public final class Check {

    private static final Check HOLDS = new Check(Truth.TRUE, List.of());
    private static final Check FAILS = new Check(Truth.FALSE, List.of());

    private enum Truth { TRUE, FALSE, UNKNOWN }

    private final Truth truth;
    private final List<String> missing;

    private Check(Truth truth, List<String> missing) {
        this.truth = truth;
        this.missing = missing;
    }

    public static Check of(boolean holds) {
        return holds ? HOLDS : FAILS;
    }

    /** A check that cannot be decided until the given request fields (dotted paths) are known. */
    public static Check unknown(String... missingPaths) {
        return new Check(Truth.UNKNOWN, List.of(missingPaths));
    }

    public Check andAlso(Check other) {
        if (truth == Truth.FALSE || other.truth == Truth.FALSE) {
            return FAILS;
        }
        if (truth == Truth.TRUE) {
            return other;
        }
        if (other.truth == Truth.TRUE) {
            return this;
        }
        return new Check(Truth.UNKNOWN, union(missing, other.missing));
    }

    public Check orElse(Check other) {
        if (truth == Truth.TRUE || other.truth == Truth.TRUE) {
            return HOLDS;
        }
        if (truth == Truth.FALSE) {
            return other;
        }
        if (other.truth == Truth.FALSE) {
            return this;
        }
        return new Check(Truth.UNKNOWN, union(missing, other.missing));
    }

    public Check negate() {
        return switch (truth) {
            case TRUE -> FAILS;
            case FALSE -> HOLDS;
            case UNKNOWN -> this;
        };
    }

    /** The condition certainly holds: the rule fires. */
    public boolean isHolds() {
        return truth == Truth.TRUE;
    }

    /** The condition cannot be ruled out: it holds, or it is undecided. */
    public boolean isOpen() {
        return truth != Truth.FALSE;
    }

    /** The known facts cannot settle the condition: the rule is not assessed. */
    public boolean isUndecided() {
        return truth == Truth.UNKNOWN;
    }

    /** Dotted request paths whose values could change the outcome; empty unless undecided. */
    public List<String> getMissing() {
        return missing;
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return Collections.unmodifiableList(new ArrayList<>(all));
    }

    @Override
    public String toString() {
        return truth == Truth.UNKNOWN ? "UNKNOWN" + missing : truth.name();
    }
}
