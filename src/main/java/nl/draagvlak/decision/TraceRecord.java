package nl.draagvlak.decision;

import java.util.List;
import java.util.Map;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.model.Fact;

/** The trace as the audit trail keeps it: each activation with a snapshot of every fact it matched. */
record TraceRecord(int seq, String ruleId, String rule, String file, List<MatchedFact> matched) {

    record MatchedFact(String fact, Map<String, Object> values) {
    }

    static List<TraceRecord> of(Decision decision) {
        return decision.trace().stream().map(entry -> new TraceRecord(entry.seq(), entry.ruleId(), entry.rule(),
                entry.file(), entry.facts().stream().map(TraceRecord::snapshot).toList())).toList();
    }

    private static MatchedFact snapshot(Fact fact) {
        return new MatchedFact(fact.label(), fact.snapshot());
    }
}
