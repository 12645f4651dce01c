package nl.draagvlak.model;

/**
 * The conclusions helper rules ({@code DERIVE-} ids) may draw. A rule matches one as
 * {@code Derived( conclusion == Conclusion.SHORT_LEAD_TIME )}, so a misspelt conclusion is a
 * compile error at its line rather than a rule that silently never fires.
 */
public enum Conclusion {
    SHORT_LEAD_TIME("short lead time"),
    LONG_LEAD_TIME("long lead time"),
    NEXT_BEST_ACTION("next best action");

    private final String text;

    Conclusion(String text) {
        this.text = text;
    }

    /** How the trace names it, e.g. {@code Derived(short lead time)}. */
    public String text() {
        return text;
    }
}
