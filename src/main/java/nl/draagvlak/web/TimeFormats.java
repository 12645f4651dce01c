package nl.draagvlak.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How every endpoint writes an instant: UTC, milliseconds, a {@code Z} (the {@code decidedAt} of the contract). */
public final class TimeFormats {

    public static final DateTimeFormatter DECIDED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }
}
