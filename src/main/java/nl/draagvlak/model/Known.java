package nl.draagvlak.model;

import java.util.Objects;

/**
 * One input field of the request as a rule sees it: its value, or nothing when the caller did
 * not give it, together with the dotted path that names it in the request. Every comparison
 * answers a {@link Check}, so an absent value gives "undecided", never "false".
 */
public final class Known<T> {

    private final T value;
    private final String path;
    /** The undecided check naming this field, made once: rules ask an unknown field again and again. */
    private Check unknown;

    public Known(T value, String path) {
        this.value = value;
        this.path = path;
    }

    /** Equal to the expected value. */
    public Check is(T expected) {
        return value == null ? unknown() : Check.of(value.equals(expected));
    }

    /** Known, and different from the given value. */
    public Check isNot(T excluded) {
        return is(excluded).negate();
    }

    public Check isTrue() {
        return is(castTo(Boolean.TRUE));
    }

    public Check isFalse() {
        return is(castTo(Boolean.FALSE));
    }

    /** Strictly below the threshold (catalogue, precise reading 9). */
    public Check below(int threshold) {
        return value == null ? unknown() : Check.of(asNumber().intValue() < threshold);
    }

    /** Strictly above the threshold (catalogue, precise reading 9). */
    public Check above(int threshold) {
        return value == null ? unknown() : Check.of(asNumber().intValue() > threshold);
    }

    /** Whether the caller left this field out; always decided. */
    public Check isUnknown() {
        return Check.of(value == null);
    }

    private Check unknown() {
        Check check = unknown;
        if (check == null) {
            check = Check.unknown(path);
            unknown = check;
        }
        return check;
    }

    public T getValue() {
        return value;
    }

    public String getPath() {
        return path;
    }

    @SuppressWarnings("unchecked")
    private T castTo(Boolean flag) {
        return (T) flag;
    }

    private Number asNumber() {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalStateException(path + " is not a number, so it has no threshold");
    }

    @Override
    public String toString() {
        return path + "=" + Objects.toString(value, "unknown");
    }
}
