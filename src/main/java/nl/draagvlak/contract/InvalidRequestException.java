package nl.draagvlak.contract;

import java.util.List;
import java.util.stream.Collectors;

/** The request body is not a valid initiative assessment; every problem found names its field. */
public final class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
