package nl.draagvlak.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a fact's snapshot: named values in a fixed order, unknown ones left out. */
final class Snapshot {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Snapshot with(String name, Object value) {
        if (value instanceof Enum<?> constant) {
            values.put(name, constant.name());
        } else if (value instanceof Collection<?> items) {
            values.put(name, items.stream().map(item -> item instanceof Enum<?> e ? e.name() : item).toList());
        } else if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    Map<String, Object> build() {
        return Collections.unmodifiableMap(values);
    }
}
