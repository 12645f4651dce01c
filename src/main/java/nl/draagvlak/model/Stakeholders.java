package nl.draagvlak.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

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
     * {@code affected} or {@code involvement} leave it undecided only when they could tip it, and
     * only the unknown fields whose value could change the outcome are missing (reading 11).
     */
    public Check fewerThanHalfOfAffectedEngaged() {
        if (entries == null) {
            return Check.unknown("stakeholders");
        }
        // Each entry adds +1 (affected, not engaged), -1 (affected and engaged) or 0 (not affected)
        // to affected - 2 x engaged; the rule holds when that sum is at least 1.
        List<EngagementOptions> options = entries.stream().map(EngagementOptions::of).toList();
        boolean[] possible = possibleSums(options, -1);
        if (!reachable(possible, sum -> sum < 1)) {
            return Check.of(true);
        }
        if (!reachable(possible, sum -> sum >= 1)) {
            return Check.of(false);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            EngagementOptions entry = options.get(i);
            if (entry.engaged().size() > 1 || entry.affected().size() > 1) {
                boolean[] others = possibleSums(options, i);
                Stakeholder stakeholder = entries.get(i);
                if (entry.engaged().size() > 1 && entry.engagedCanTip(others)) {
                    missing.add(stakeholder.involvement().getPath());
                }
                if (entry.affected().size() > 1 && entry.affectedCanTip(others)) {
                    missing.add(stakeholder.affected().getPath());
                }
            }
        }
        return Check.unknown(missing.toArray(String[]::new));
    }

    /**
     * Which sums of the entries' contributions can occur, skipping entry {@code skip} (-1: none);
     * index {@code n + sum} for n entries, so every sum from -n to n has its place.
     */
    private static boolean[] possibleSums(List<EngagementOptions> options, int skip) {
        int offset = options.size();
        boolean[] sums = new boolean[2 * offset + 1];
        sums[offset] = true;
        for (int i = 0; i < options.size(); i++) {
            if (i == skip) {
                continue;
            }
            boolean[] next = new boolean[sums.length];
            for (int at = 0; at < sums.length; at++) {
                if (sums[at]) {
                    for (int contribution : options.get(i).contributions()) {
                        next[at + contribution] = true;
                    }
                }
            }
            sums = next;
        }
        return sums;
    }

    private static boolean reachable(boolean[] sums, IntPredicate test) {
        int offset = sums.length / 2;
        for (int at = 0; at < sums.length; at++) {
            if (sums[at] && test.test(at - offset)) {
                return true;
            }
        }
        return false;
    }

    /** The values one entry may still take: one each when known, both when unknown. */
    private record EngagementOptions(List<Boolean> affected, List<Boolean> engaged) {

        static EngagementOptions of(Stakeholder stakeholder) {
            Boolean affected = stakeholder.affected().getValue();
            Involvement involvement = stakeholder.involvement().getValue();
            return new EngagementOptions(affected == null ? List.of(true, false) : List.of(affected),
                    involvement == null ? List.of(true, false)
                            : List.of(involvement == Involvement.CONSULTED || involvement == Involvement.CO_DEVELOPING));
        }

        static int contribution(boolean affected, boolean engaged) {
            return !affected ? 0 : engaged ? -1 : 1;
        }

        Set<Integer> contributions() {
            Set<Integer> all = new LinkedHashSet<>();
            for (boolean isAffected : affected) {
                for (boolean isEngaged : engaged) {
                    all.add(contribution(isAffected, isEngaged));
                }
            }
            return all;
        }

        /** Whether, for some sum of the other entries, being engaged or not decides the outcome. */
        boolean engagedCanTip(boolean[] others) {
            return affected.stream().anyMatch(isAffected ->
                    tips(others, contribution(isAffected, true), contribution(isAffected, false)));
        }

        /** Whether, for some sum of the other entries, being affected or not decides the outcome. */
        boolean affectedCanTip(boolean[] others) {
            return engaged.stream().anyMatch(isEngaged ->
                    tips(others, contribution(true, isEngaged), contribution(false, isEngaged)));
        }

        private static boolean tips(boolean[] others, int one, int other) {
            int offset = others.length / 2;
            for (int at = 0; at < others.length; at++) {
                int sum = at - offset;
                if (others[at] && (sum + one >= 1) != (sum + other >= 1)) {
                    return true;
                }
            }
            return false;
        }
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
