package nl.draagvlak.contract;

/** One thing wrong with a request, named by its dotted path, e.g. {@code stakeholders[2].department}. */
public record FieldError(String field, String message) {
}
