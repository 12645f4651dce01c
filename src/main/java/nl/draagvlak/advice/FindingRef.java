package nl.draagvlak.advice;

import java.util.Comparator;
import nl.draagvlak.model.Finding;

/** A finding as a remedy names it: which rule, about which stakeholder (if any). */
public record FindingRef(String ruleId, String subject, Integer stakeholderIndex) {

    static final Comparator<FindingRef> ORDER = Comparator.comparing(FindingRef::ruleId)
            .thenComparing(FindingRef::stakeholderIndex, Comparator.nullsFirst(Comparator.naturalOrder()));

    static FindingRef of(Finding finding) {
        return new FindingRef(finding.ruleId(), finding.subject() == null ? null : finding.subject().name(),
                finding.stakeholderIndex());
    }
}
