package nl.draagvlak.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The small API that rule consequences call, one instance per decision (the DRL global
 * {@code assessment}). A finding rule concludes its three-valued check: a check that holds
 * becomes a finding, an undecided one a "not assessed" entry. A verdict rule decides the verdict
 * it declares in {@code @verdict}. Everything is also inserted as a fact, for the verdict rules.
 */
public final class Assessment {

    private final Map<String, RuleMeta> rulesByName;
    private final List<Finding> findings = new ArrayList<>();
    private final List<NotAssessed> notAssessed = new ArrayList<>();
    private final List<VerdictDecision> verdicts = new ArrayList<>();
    private boolean lastConclusionUndecided;

    /** @param rulesByName each rule's metadata by rule name, as the compiled ruleset read it */
    public Assessment(Map<String, RuleMeta> rulesByName) {
        this.rulesByName = rulesByName;
    }

    /** Records the outcome of a finding rule whose condition is {@code check}, with its {@code @message}s. */
    public void conclude(RuleContext context, Check check) {
        conclude(context, check, null);
    }

    /**
     * Records the outcome of a finding rule whose condition is {@code check}; {@code message}
     * (when not null) takes the place of the rule's English {@code @message}.
     */
    public void conclude(RuleContext context, Check check, String message) {
        Rule rule = context.getRule();
        RuleMeta meta = metaOf(rule);
        String ruleId = meta.id();
        Stakeholder stakeholder = matchedStakeholder(context);
        Department subject = stakeholder == null ? null : stakeholder.department().getValue();
        Integer index = stakeholder == null ? null : stakeholder.getIndex();
        Severity severity = meta.severity();
        if (check.isHolds()) {
            Finding finding = new Finding(ruleId, rule.getName(), meta.type(), severity, subject, index,
                    message == null ? meta.message() : message, meta.source(), meta.messageNl());
            findings.add(finding);
            context.getKieRuntime().insert(finding);
            lastConclusionUndecided = false;
        } else if (check.isUndecided()) {
            NotAssessed gap = new NotAssessed(ruleId, rule.getName(), severity, subject, index, check.getMissing());
            notAssessed.add(gap);
            context.getKieRuntime().insert(gap);
            lastConclusionUndecided = true;
        } else {
            throw new IllegalStateException("Rule \"" + rule.getName() + "\" (" + ruleId + ") fired on a condition"
                    + " that does not hold; its when-part needs Check( open ) on the check it concludes");
        }
    }

    /** Raises the rule's finding: for rules whose when-part alone decides, with nothing left unknown. */
    public void raise(RuleContext context, String message) {
        conclude(context, Check.of(true), message);
    }

    /** Raises the rule's finding with its {@code @message}s. */
    public void raise(RuleContext context) {
        conclude(context, Check.of(true), null);
    }

    /** Records the verdict that the firing verdict rule declares in its {@code @verdict} metadata. */
    public void decide(RuleContext context) {
        RuleMeta meta = metaOf(context.getRule());
        VerdictDecision decision = new VerdictDecision(meta.verdict(), meta.id());
        verdicts.add(decision);
        context.getKieRuntime().insert(decision);
        lastConclusionUndecided = false;
    }

    /** Whether the consequence that ran last only found its rule undecided (so it raised nothing). */
    public boolean takeLastConclusionUndecided() {
        boolean undecided = lastConclusionUndecided;
        lastConclusionUndecided = false;
        return undecided;
    }

    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    public List<NotAssessed> notAssessed() {
        return Collections.unmodifiableList(notAssessed);
    }

    public List<VerdictDecision> verdicts() {
        return Collections.unmodifiableList(verdicts);
    }

    private RuleMeta metaOf(Rule rule) {
        RuleMeta meta = rulesByName.get(rule.getName());
        if (meta == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" is not part of this ruleset");
        }
        return meta;
    }

    private static Stakeholder matchedStakeholder(RuleContext context) {
        for (Object fact : context.getMatch().getObjects()) {
            if (fact instanceof Stakeholder stakeholder && stakeholder.isListed()) {
                return stakeholder;
            }
        }
        return null;
    }
}
