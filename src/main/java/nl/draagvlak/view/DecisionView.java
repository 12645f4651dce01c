package nl.draagvlak.view;

import java.util.List;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.TraceEntry;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.Language;
import nl.draagvlak.model.NotAssessed;

/**
 * The 201 body of {@code POST /api/v1/decisions}, field for field as the contract names it;
 * {@code language} is the language of the findings' messages.
 */
public record DecisionView(String decisionId, String decidedAt, String language, RulesetView ruleset, String verdict,
                           List<FindingView> findings, List<NotAssessedView> notAssessed, List<TraceView> trace) {

    public record RulesetView(String version, int rules) {
    }

    public record FindingView(String ruleId, String type, String severity, String subject, Integer stakeholderIndex,
                              String message, String source) {
    }

    public record NotAssessedView(String ruleId, List<String> missing, String subject, Integer stakeholderIndex) {
    }

    public record TraceView(int seq, String ruleId, String rule, String file, List<String> matched) {
    }

    public static DecisionView of(String decisionId, String decidedAt, Decision decision) {
        return of(decisionId, decidedAt, decision, Language.EN);
    }

    public static DecisionView of(String decisionId, String decidedAt, Decision decision, Language language) {
        return new DecisionView(decisionId, decidedAt, language.tag(),
                new RulesetView(decision.rulesetVersion(), decision.ruleCount()),
                decision.verdict().name(),
                decision.findings().stream().map(finding -> finding(finding, language)).toList(),
                decision.notAssessed().stream().map(DecisionView::notAssessed).toList(),
                decision.trace().stream().map(DecisionView::trace).toList());
    }

    private static FindingView finding(Finding finding, Language language) {
        return new FindingView(finding.ruleId(), finding.type().name(), finding.severity().name(),
                finding.subject() == null ? null : finding.subject().name(), finding.stakeholderIndex(),
                finding.message(language), finding.source());
    }

    private static NotAssessedView notAssessed(NotAssessed gap) {
        return new NotAssessedView(gap.ruleId(), gap.missing(), gap.subject() == null ? null : gap.subject().name(),
                gap.stakeholderIndex());
    }

    private static TraceView trace(TraceEntry entry) {
        return new TraceView(entry.seq(), entry.ruleId(), entry.rule(), entry.file(), entry.matched());
    }
}
