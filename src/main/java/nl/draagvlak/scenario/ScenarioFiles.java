package nl.draagvlak.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.draagvlak.model.Verdict;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/** Reads scenario files (YAML) from a folder; a malformed one is an error naming the file. */
public final class ScenarioFiles {

    private static final Set<String> TOP_LEVEL = Set.of("description", "request", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("verdict", "verdictRule", "fires", "doesNotFire", "notAssessed", "notListed", "remedies");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScenarioFiles() {
    }

    /** Every {@code .yaml}/{@code .yml} file under the folder, in path order, named relative to the folder's parent. */
    public static List<Path> list(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> Files.isRegularFile(file)
                            && (file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario folder " + folder, e);
        }
    }

    public static String displayName(Path folder, Path file) {
        Path root = folder.toAbsolutePath().normalize();
        Path base = root.getParent() == null ? root : root.getParent();
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    public static Scenario read(Path folder, Path file) {
        String name = displayName(folder, file);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        } catch (RuntimeException e) {
            throw new ScenarioFormatException(name, "is not valid YAML: " + e.getMessage());
        }
        Map<String, Object> root = map(document, name, "the file");
        unknownKeys(root, TOP_LEVEL, name, "the file");
        Map<String, Object> request = map(root.get("request"), name, "request");
        Map<String, Object> expect = map(root.get("expect"), name, "expect");
        unknownKeys(expect, EXPECT_KEYS, name, "expect");
        Verdict verdict = null;
        if (expect.get("verdict") != null) {
            try {
                verdict = Verdict.valueOf(expect.get("verdict").toString());
            } catch (IllegalArgumentException e) {
                throw new ScenarioFormatException(name, "expect.verdict must be one of " + List.of(Verdict.values()));
            }
        }
        return new Scenario(name, String.valueOf(root.getOrDefault("description", "")),
                JSON.writeValueAsBytes(request), verdict,
                expect.get("verdictRule") == null ? null : expect.get("verdictRule").toString(),
                expectations(expect.get("fires"), name, "expect.fires"),
                expectations(expect.get("doesNotFire"), name, "expect.doesNotFire"),
                expectations(expect.get("notAssessed"), name, "expect.notAssessed"),
                expectations(expect.get("notListed"), name, "expect.notListed"),
                remedies(expect.get("remedies"), name));
    }

    /** {@code remedies: [{verdict: READY, changes: [{path: preconditions.backOfficeInOrder, to: true}]}]} */
    private static List<Scenario.ExpectedRemedy> remedies(Object value, String file) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new ScenarioFormatException(file, "expect.remedies must be a list");
        }
        List<Scenario.ExpectedRemedy> remedies = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> fields = map(item, file, "expect.remedies");
            unknownKeys(fields, Set.of("verdict", "changes"), file, "expect.remedies");
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(String.valueOf(fields.get("verdict")));
            } catch (IllegalArgumentException e) {
                throw new ScenarioFormatException(file, "expect.remedies: verdict must be READY or PROCEED_WITH_CONDITIONS");
            }
            if (!(fields.get("changes") instanceof List<?> changes) || changes.isEmpty()) {
                throw new ScenarioFormatException(file, "expect.remedies: changes must list {path, to} entries");
            }
            Map<String, Object> byPath = new java.util.TreeMap<>();
            for (Object change : changes) {
                Map<String, Object> entry = map(change, file, "expect.remedies.changes");
                unknownKeys(entry, Set.of("path", "from", "to"), file, "expect.remedies.changes");
                if (entry.get("path") == null || !entry.containsKey("to")) {
                    throw new ScenarioFormatException(file, "expect.remedies.changes: each change needs path and to");
                }
                byPath.put(entry.get("path").toString(), entry.get("to"));
            }
            remedies.add(new Scenario.ExpectedRemedy(verdict, byPath));
        }
        return remedies;
    }

    private static List<Expectation> expectations(Object value, String file, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new ScenarioFormatException(file, where + " must be a list");
        }
        List<Expectation> expectations = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof String rule) {
                expectations.add(new Expectation(rule, null, null, null));
            } else if (item instanceof Map<?, ?> entry) {
                Map<String, Object> fields = map(entry, file, where);
                unknownKeys(fields, Set.of("rule", "subject", "stakeholderIndex", "missing"), file, where);
                Object rule = fields.get("rule");
                if (rule == null) {
                    throw new ScenarioFormatException(file, where + ": an entry needs a rule");
                }
                Object index = fields.get("stakeholderIndex");
                Object missing = fields.get("missing");
                expectations.add(new Expectation(rule.toString(),
                        fields.get("subject") == null ? null : fields.get("subject").toString(),
                        index == null ? null : Integer.valueOf(index.toString()),
                        missing == null ? null : ((List<?>) missing).stream().map(Object::toString).toList()));
            } else {
                throw new ScenarioFormatException(file, where + ": each entry is a rule id or a map with rule");
            }
        }
        return expectations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String file, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new ScenarioFormatException(file, where + " must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static void unknownKeys(Map<String, Object> map, Set<String> allowed, String file, String where) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new ScenarioFormatException(file, where + " has an unknown key '" + key + "' (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }
}
