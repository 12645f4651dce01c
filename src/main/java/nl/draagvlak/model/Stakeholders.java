package nl.draagvlak.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request's stakeholder list as a whole, for rules that weigh all departments together.
 * An absent list is unknown; an empty list is known to hold no one (catalogue, reading 5).
 */
public final class Stakeholders implements Fact {

    private final List<Stakeholder> entries;

    private Stakeholders(List<Stakeholder> entries) {
        this.entries = entries;
    }

    public static Stakeholders of(List<Stakeholder> entries) {
        return new Stakeholders(List.copyOf(entries));
    }

    public static Stakeholders unknown() {
        return new Stakeholders(null);
    }

    public boolean isKnown() {
        return entries != null;
    }

    /** No affected department co-develops the change (true for an empty list). */
    public Check noAffectedCoDeveloping() {
        if (entries == null) {
            return Check.unknown("stakeholders");
        }
        Check anyCoDeveloping = Check.of(false);
        for (Stakeholder stakeholder : entries) {
            anyCoDeveloping = anyCoDeveloping.orElse(
                    stakeholder.affected().isTrue().andAlso(stakeholder.involvement().is(Involvement.CO_DEVELOPING)));
        }
        return anyCoDeveloping.negate();
    }

    /**
     * Fewer than half of the affected departments are consulted or co-developing, with at least
     * one affected: 2 x engaged &lt; affected (catalogue, reading 8). Entries with an unknown
     * {@code affected} or {@code involvement} leave it undecided only when they could tip it.
     */
    public Check fewerThanHalfOfAffectedEngaged() {
        if (entries == null) {
            return Check.unknown("stakeholders");
        }
        // Each entry adds +1 (affected, not engaged), -1 (affected and engaged) or 0 (not affected)
        // to affected - 2 x engaged; the rule holds when that sum is at least 1.
        int lowest = 0;
        int highest = 0;
        Set<String> missing = new LinkedHashSet<>();
        for (Stakeholder stakeholder : entries) {
            List<Integer> possible = possibleContributions(stakeholder, missing);
            lowest += possible.stream().mapToInt(Integer::intValue).min().orElseThrow();
            highest += possible.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
        if (lowest >= 1) {
            return Check.of(true);
        }
        if (highest < 1) {
            return Check.of(false);
        }
        return Check.unknown(missing.toArray(String[]::new));
    }

    private static List<Integer> possibleContributions(Stakeholder stakeholder, Set<String> missing) {
        Boolean affected = stakeholder.affected().getValue();
        Involvement involvement = stakeholder.involvement().getValue();
        if (Boolean.FALSE.equals(affected)) {
            return List.of(0);
        }
        List<Integer> ifAffected = new ArrayList<>();
        if (involvement == null) {
            missing.add(stakeholder.involvement().getPath());
            ifAffected.add(1);
            ifAffected.add(-1);
        } else {
            ifAffected.add(involvement == Involvement.CONSULTED || involvement == Involvement.CO_DEVELOPING ? -1 : 1);
        }
        if (affected == null) {
            missing.add(stakeholder.affected().getPath());
            ifAffected.add(0);
        }
        return ifAffected;
    }

    @Override
    public String label() {
        return "Stakeholders";
    }

    @Override
    public Map<String, Object> snapshot() {
        return isKnown() ? Map.of("count", entries.size()) : Map.of();
    }
}
