package nl.draagvlak.model;

import java.util.Map;

/**
 * A named conclusion that a helper rule ({@code DERIVE-} id) draws once so that the rules
 * deciding on it share one definition, e.g. "short lead time" (derive, then decide).
 */
public final class Derived implements Fact {

    private final String name;
    private final Check check;

    public Derived(String name, Check check) {
        this.name = name;
        this.check = check;
    }

    public String getName() { return name; }
    public Check getCheck() { return check; }

    @Override
    public String label() {
        return "Derived(" + name + ")";
    }

    @Override
    public Map<String, Object> snapshot() {
        return Map.of("name", name, "value", check.toString());
    }
}
