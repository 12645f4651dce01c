package nl.draagvlak.engine;

import java.util.List;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.model.Verdict;

/**
 * What the engine decided for one request: the verdict and the rule that set it, the findings
 * (heaviest first, then by rule id and stakeholder), the rules that could not be assessed (by rule
 * id and stakeholder) and, when asked for, the trace of every activation that fired.
 */
public record Decision(String rulesetVersion, int ruleCount, Verdict verdict, String verdictRuleId,
                       List<Finding> findings, List<NotAssessed> notAssessed, List<TraceEntry> trace,
                       int firings) {

    public Decision {
        findings = List.copyOf(findings);
        notAssessed = List.copyOf(notAssessed);
        trace = List.copyOf(trace);
    }
}
