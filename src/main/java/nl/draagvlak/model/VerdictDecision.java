package nl.draagvlak.model;

import java.util.Map;

/** The verdict a verdict rule reached; its presence stops the other verdict rules from firing. */
public record VerdictDecision(Verdict verdict, String ruleId) implements Fact {

    public Verdict getVerdict() { return verdict; }

    @Override
    public String label() {
        return "Verdict(" + verdict + ")";
    }

    @Override
    public Map<String, Object> snapshot() {
        return Map.of("verdict", verdict.name(), "ruleId", ruleId);
    }
}
