package nl.draagvlak.model;

/** What a consequence needs to know of its rule, read once per ruleset instead of once per firing. */
public record RuleMeta(String id, FindingType type, Severity severity, String source, Verdict verdict,
                       String message, String messageNl) {

    public RuleMeta(String id, FindingType type, Severity severity, String source, Verdict verdict) {
        this(id, type, severity, source, verdict, null, null);
    }
}
