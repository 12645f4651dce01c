package nl.draagvlak.advice;

import java.util.List;

/** A smallest set of changes that reaches {@code verdict}, and the findings it removes and adds. */
public record Remedy(String verdict, List<Change> changes, List<FindingRef> removes, List<FindingRef> adds) {

    public Remedy {
        changes = List.copyOf(changes);
        removes = List.copyOf(removes);
        adds = List.copyOf(adds);
    }
}
