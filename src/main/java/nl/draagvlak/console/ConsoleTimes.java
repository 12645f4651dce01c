package nl.draagvlak.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;

/**
 * Times as the console's forms take them: an ISO-8601 instant as the API takes it
 * ({@code 2026-11-01T00:00:00Z}), or, for convenience, a date or a date and time without a zone,
 * read as UTC ({@code 2026-11-01}, {@code 2026-11-01T09:30}).
 */
final class ConsoleTimes {

    private ConsoleTimes() {
    }

    static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                        : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(List.of(new FieldError(field,
                        "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, or a date such as 2026-11-01")));
            }
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
