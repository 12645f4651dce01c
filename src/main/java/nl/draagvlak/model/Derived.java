package nl.draagvlak.model;

import java.util.Map;

/**
 * A conclusion that a helper rule ({@code DERIVE-} id) draws once so that the rules deciding on
 * it share one definition, e.g. {@link Conclusion#SHORT_LEAD_TIME} (derive, then decide).
 */
public final class Derived implements Fact {

    private final Conclusion conclusion;
    private final Check check;

    public Derived(Conclusion conclusion, Check check) {
        this.conclusion = conclusion;
        this.check = check;
    }

    public Conclusion getConclusion() { return conclusion; }
    public Check getCheck() { return check; }

    @Override
    public String label() {
        return "Derived(" + conclusion.text() + ")";
    }

    @Override
    public Map<String, Object> snapshot() {
        return Map.of("name", conclusion.text(), "value", check.toString());
    }
}
