package nl.draagvlak.engine;

import java.util.List;
import nl.draagvlak.model.FindingType;
import nl.draagvlak.model.Severity;
import nl.draagvlak.model.Verdict;

/**
 * A rule of a compiled ruleset as callers and auditors see it: where it lives, what it is for
 * and which request inputs it needs. {@code type} and {@code severity} are set for finding rules,
 * {@code verdict} for verdict rules; helper rules ({@code DERIVE-}) have neither.
 */
public record RuleInfo(String id, String name, String file, int line, Role role, FindingType type,
                       Severity severity, Verdict verdict, String source, String rationale, List<String> needs,
                       String message, String messageNl) {

    public enum Role { FINDING, VERDICT, DERIVE }

    public RuleInfo {
        needs = List.copyOf(needs);
    }

    /** A rule without messages in metadata: a helper or verdict rule, or one that states its message in code. */
    public RuleInfo(String id, String name, String file, int line, Role role, FindingType type, Severity severity,
                    Verdict verdict, String source, String rationale, List<String> needs) {
        this(id, name, file, line, role, type, severity, verdict, source, rationale, needs, null, null);
    }
}
