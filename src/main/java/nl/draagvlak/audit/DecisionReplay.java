package nl.draagvlak.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.model.Language;
import nl.draagvlak.ruleset.ActiveRuleset;
import nl.draagvlak.ruleset.UnknownRulesetException;
import nl.draagvlak.view.DecisionView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-runs a stored request on a ruleset (its own version by default) and compares the answer
 * with the one stored, leaving out what differs by nature: the id and the time of deciding. Throws
 * {@link UnknownRulesetException} when the ruleset asked for is not in the archive.
 */
public final class DecisionReplay {

    /** Differ by nature (the id and time of deciding) or are reported apart (the ruleset replayed on). */
    private static final Set<String> NOT_COMPARED = Set.of("decisionId", "decidedAt", "ruleset");
    private static final int CACHED_RULESETS = 8;

    public record Difference(String path, JsonNode before, JsonNode after) {
    }

    public record Result(boolean identical, String rulesetVersion, List<Difference> differences) {
    }

    private final RequestReader reader = new RequestReader();
    private final RulesetCompiler compiler = new RulesetCompiler();
    private final ActiveRuleset rulesets;
    private final RulesetArchive archive;
    private final DecisionEngine engine;
    private final JsonMapper json;
    private final Map<String, CompiledRuleset> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleset> eldest) {
            return size() > CACHED_RULESETS;
        }
    };

    public DecisionReplay(ActiveRuleset rulesets, RulesetArchive archive, DecisionEngine engine, JsonMapper json) {
        this.rulesets = rulesets;
        this.archive = archive;
        this.engine = engine;
        this.json = json;
    }

    public Result replay(StoredDecision stored, String rulesetChoice) {
        String version = rulesetChoice == null ? stored.rulesetVersion()
                : "active".equals(rulesetChoice) ? rulesets.current().version() : rulesetChoice;
        CompiledRuleset ruleset = ruleset(version);
        Decision decision = engine.decide(ruleset, reader.read(stored.requestBody().getBytes(StandardCharsets.UTF_8)),
                true);
        JsonNode before = json.readTree(stored.responseBody());
        // Compared in the language the decision was answered in (English before languages were stored).
        JsonNode language = before.get("language");
        JsonNode after = json.valueToTree(DecisionView.of(stored.decisionId(), "", decision,
                Language.ofTag(language == null || language.isNull() ? null : language.asString())));
        if (language == null && after instanceof tools.jackson.databind.node.ObjectNode view) {
            view.remove("language"); // stored before answers named their language
        }
        List<Difference> differences = new ArrayList<>();
        compare("", before, after, differences);
        return new Result(differences.isEmpty(), version, differences);
    }

    private synchronized CompiledRuleset ruleset(String version) {
        CompiledRuleset active = rulesets.current();
        if (active.version().equals(version)) {
            return active;
        }
        CompiledRuleset cached = compiled.get(version);
        if (cached == null) {
            cached = compiler.compile(archive.files(version)
                    .orElseThrow(() -> new UnknownRulesetException(version)));
            compiled.put(version, cached);
        }
        return cached;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Difference> differences) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new java.util.LinkedHashSet<>();
            before.propertyNames().forEach(names::add);
            after.propertyNames().forEach(names::add);
            for (String name : names) {
                if (path.isEmpty() && NOT_COMPARED.contains(name)) {
                    continue;
                }
                compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), differences);
            }
        } else if (before != null && after != null && before.isArray() && after.isArray()) {
            int size = Math.max(before.size(), after.size());
            for (int i = 0; i < size; i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), differences);
            }
        } else if (before == null ? after != null : !before.equals(after)) {
            differences.add(new Difference(path, before, after));
        }
    }

}
