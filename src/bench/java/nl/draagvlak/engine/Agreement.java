package nl.draagvlak.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;

/** Whether the plain-Java floor decided what the engine decided: findings, gaps and verdict. */
final class Agreement {

    private Agreement() {
    }

    /** Throws, naming the difference, unless both found the same. */
    static void check(String what, Decision engine, PlainJavaGuidance.Outcome plain) {
        String difference = difference(engine, plain);
        if (difference != null) {
            throw new IllegalStateException("plain Java disagrees with the engine on " + what + ": " + difference);
        }
    }

    /** The first difference, or null when they agree. */
    static String difference(Decision engine, PlainJavaGuidance.Outcome plain) {
        List<String> engineFindings = engine.findings().stream().map(Agreement::key).toList();
        List<String> plainFindings = plain.findings().stream().map(Agreement::key).toList();
        if (!engineFindings.equals(plainFindings)) {
            return "findings " + engineFindings + " (engine) vs " + plainFindings + " (plain Java)";
        }
        List<String> engineGaps = engine.notAssessed().stream().map(Agreement::key).toList();
        List<String> plainGaps = plain.notAssessed().stream().map(Agreement::key).toList();
        if (!engineGaps.equals(plainGaps)) {
            return "not assessed " + engineGaps + " (engine) vs " + plainGaps + " (plain Java)";
        }
        for (int i = 0; i < engine.notAssessed().size(); i++) {
            NotAssessed e = engine.notAssessed().get(i);
            NotAssessed p = plain.notAssessed().get(i);
            if (!new HashSet<>(e.missing()).equals(new HashSet<>(p.missing()))) {
                return "missing fields of " + key(e) + ": " + e.missing() + " (engine) vs " + p.missing() + " (plain Java)";
            }
        }
        if (engine.verdict() != plain.verdict() || !engine.verdictRuleId().equals(plain.verdictRuleId())) {
            return "verdict " + engine.verdictRuleId() + " (engine) vs " + plain.verdictRuleId() + " (plain Java)";
        }
        return null;
    }

    private static String key(Finding finding) {
        return finding.ruleId() + (finding.stakeholderIndex() == null ? "" : "[" + finding.stakeholderIndex() + "]")
                + "/" + Objects.toString(finding.subject(), "-") + "/" + finding.severity();
    }

    private static String key(NotAssessed gap) {
        return gap.ruleId() + (gap.stakeholderIndex() == null ? "" : "[" + gap.stakeholderIndex() + "]")
                + "/" + Objects.toString(gap.subject(), "-");
    }
}
