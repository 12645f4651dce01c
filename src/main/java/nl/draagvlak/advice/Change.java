package nl.draagvlak.advice;

import java.util.Comparator;
import java.util.Objects;

/**
 * One change of a remedy: the input at {@code path} ({@code preconditions.backOfficeInOrder},
 * {@code stakeholders[0].involvement}) goes from {@code from} (null: unknown) to {@code to}.
 */
public record Change(String path, Object from, Object to) {

    static final Comparator<Change> ORDER = Comparator.comparing(Change::path)
            .thenComparing(change -> String.valueOf(change.to()));

    @Override
    public boolean equals(Object other) {
        return other instanceof Change change && path.equals(change.path) && Objects.equals(to, change.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, to);
    }
}
