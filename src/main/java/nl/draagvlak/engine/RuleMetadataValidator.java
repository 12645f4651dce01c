package nl.draagvlak.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.draagvlak.model.FindingType;
import nl.draagvlak.model.RuleMetadata;
import nl.draagvlak.model.Severity;
import nl.draagvlak.model.Verdict;
import org.kie.api.definition.rule.Rule;

/**
 * Checks the metadata every rule must carry, so that a finding without a severity or a source is
 * a compile error at its line rather than a surprise in production:
 * every rule has {@code @id}; helper rules have a {@code DERIVE-} id; verdict rules
 * {@code @verdict} and {@code @rationale}; finding rules {@code @type}, {@code @severity},
 * {@code @source}, {@code @rationale} and {@code @needs}.
 */
final class RuleMetadataValidator {

    Optional<RuleInfo> describe(Rule rule, RuleSource source, List<RuleProblem> problems) {
        Map<String, Object> metadata = rule.getMetaData();
        String id = RuleMetadata.text(metadata, "id");
        String rationale = RuleMetadata.text(metadata, "rationale");
        int before = problems.size();
        if (isBlank(id)) {
            problems.add(problem(source, "rule \"" + rule.getName() + "\" has no @id"));
            return Optional.empty();
        }
        List<String> needs = needs(metadata);
        if (id.startsWith("DERIVE-")) {
            return Optional.of(new RuleInfo(id, rule.getName(), source.file(), source.line(), RuleInfo.Role.DERIVE,
                    null, null, null, null, rationale, needs));
        }
        if (metadata.containsKey("verdict")) {
            Verdict verdict = parse(Verdict.class, RuleMetadata.text(metadata, "verdict"), "@verdict", source, problems);
            require(rationale, "@rationale", source, problems);
            return problems.size() > before ? Optional.empty()
                    : Optional.of(new RuleInfo(id, rule.getName(), source.file(), source.line(), RuleInfo.Role.VERDICT,
                            null, null, verdict, null, rationale, needs));
        }
        FindingType type = parse(FindingType.class, RuleMetadata.text(metadata, "type"), "@type", source, problems);
        Severity severity = parse(Severity.class, RuleMetadata.text(metadata, "severity"), "@severity", source, problems);
        String sourceText = RuleMetadata.text(metadata, "source");
        require(sourceText, "@source", source, problems);
        require(rationale, "@rationale", source, problems);
        if (!metadata.containsKey("needs")) {
            problems.add(problem(source, "rule " + id + " has no @needs (the request inputs it reads)"));
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new RuleInfo(id, rule.getName(), source.file(), source.line(), RuleInfo.Role.FINDING,
                        type, severity, null, sourceText, rationale, needs, RuleMetadata.text(metadata, "message"),
                        RuleMetadata.text(metadata, "message_nl")));
    }

    void checkUniqueIds(List<RuleInfo> rules, List<RuleProblem> problems) {
        Map<String, RuleInfo> seen = new HashMap<>();
        for (RuleInfo rule : rules) {
            RuleInfo earlier = seen.putIfAbsent(rule.id(), rule);
            if (earlier != null) {
                problems.add(new RuleProblem(rule.file(), rule.line(), 0, "@id " + rule.id()
                        + " is already the id of \"" + earlier.name() + "\" at " + earlier.file() + ":" + earlier.line()));
            }
        }
    }

    private static List<String> needs(Map<String, Object> metadata) {
        String needs = RuleMetadata.text(metadata, "needs");
        if (isBlank(needs)) {
            return List.of();
        }
        return Arrays.stream(needs.split(",")).map(String::strip).filter(need -> !need.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String key, RuleSource source,
                                               List<RuleProblem> problems) {
        if (isBlank(value)) {
            problems.add(problem(source, "rule \"" + source.name() + "\" has no " + key));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(problem(source, key + "(\"" + value + "\") must be one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static void require(String value, String key, RuleSource source, List<RuleProblem> problems) {
        if (isBlank(value)) {
            problems.add(problem(source, "rule \"" + source.name() + "\" has no " + key));
        }
    }

    private static RuleProblem problem(RuleSource source, String message) {
        return new RuleProblem(source.file(), source.line(), 0, message);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
