package nl.draagvlak.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Levers;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleInfo;

/**
 * What changed from one ruleset version to another, rule by rule (by {@code @id}): rules added,
 * removed, and changed in their metadata or their text, each change of text as a unified diff.
 */
public final class RulesetDiff {

    /** One changed rule: each metadata value that differs as [old, new], and the diff of its text ("" if equal). */
    public record Changed(String ruleId, Map<String, List<String>> metadata, String text) {
    }

    /** {@code levers}: the unified diff of {@code rules/levers.yaml} ("" when the levers did not change). */
    public record Result(String from, String to, List<String> added, List<String> removed, List<Changed> changed,
                         String levers) {
    }

    private RulesetDiff() {
    }

    public static Result between(CompiledRuleset from, CompiledRuleset to) {
        Map<String, RuleInfo> before = byId(from);
        Map<String, RuleInfo> after = byId(to);
        List<String> added = after.keySet().stream().filter(id -> !before.containsKey(id)).sorted().toList();
        List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().toList();
        List<Changed> changed = new ArrayList<>();
        before.keySet().stream().filter(after::containsKey).sorted().forEach(id -> {
            RuleInfo old = before.get(id);
            RuleInfo now = after.get(id);
            Map<String, List<String>> metadata = new LinkedHashMap<>();
            Map<String, String> oldValues = metadata(old);
            Map<String, String> newValues = metadata(now);
            oldValues.forEach((name, value) -> {
                if (!Objects.equals(value, newValues.get(name))) {
                    metadata.put(name, java.util.Arrays.asList(value, newValues.get(name)));
                }
            });
            List<String> oldText = ruleText(from, old);
            List<String> newText = ruleText(to, now);
            String text = oldText.equals(newText) ? "" : UnifiedDiff.of(old.file(), old.line(), oldText,
                    now.file(), now.line(), newText);
            if (!metadata.isEmpty() || !text.isEmpty()) {
                changed.add(new Changed(id, metadata, text));
            }
        });
        List<String> oldLevers = leversText(from);
        List<String> newLevers = leversText(to);
        String levers = oldLevers.equals(newLevers) ? "" : UnifiedDiff.of(Levers.FILE, 1, oldLevers, Levers.FILE, 1,
                newLevers);
        return new Result(from.version(), to.version(), added, removed, changed, levers);
    }

    private static List<String> leversText(CompiledRuleset ruleset) {
        return ruleset.files().stream().filter(file -> file.path().equals(Levers.FILE)).findFirst()
                .map(file -> List.of(file.text().split("\n", -1))).orElse(List.of());
    }

    private static Map<String, RuleInfo> byId(CompiledRuleset ruleset) {
        return ruleset.rules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    private static Map<String, String> metadata(RuleInfo rule) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", rule.name());
        values.put("file", rule.file());
        values.put("role", rule.role().name());
        values.put("type", rule.type() == null ? null : rule.type().name());
        values.put("severity", rule.severity() == null ? null : rule.severity().name());
        values.put("verdict", rule.verdict() == null ? null : rule.verdict().name());
        values.put("source", rule.source());
        values.put("rationale", rule.rationale());
        values.put("needs", String.join(", ", rule.needs()));
        return values;
    }

    /** The rule's lines in its file, from its header to its {@code end}. */
    static List<String> ruleText(CompiledRuleset ruleset, RuleInfo rule) {
        String[] lines = ruleset.files().stream().filter(file -> file.path().equals(rule.file())).findFirst()
                .map(RuleFile::text).orElse("").split("\n", -1);
        List<String> text = new ArrayList<>();
        for (int i = Math.max(rule.line() - 1, 0); i < lines.length; i++) {
            text.add(lines[i]);
            if (i > rule.line() - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return text;
    }
}
