package nl.draagvlak.engine;

import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.RequestLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The inputs a plan's owner controls, each with the values a remedy may give it, as the ruleset's
 * {@code rules/levers.yaml} lists them ({@code engagement.feedbackIncorporated: [true]},
 * {@code stakeholders[].involvement: [CONSULTED, CO_DEVELOPING]}). An input not listed is never
 * changed. Paths name the request's fields as {@code @needs} does; values are the contract's.
 */
public record Levers(Map<String, List<Object>> values) {

    public static final String FILE_NAME = "levers.yaml";
    public static final String FILE = RuleFolder.ROOT + FILE_NAME;
    public static final Levers NONE = new Levers(Map.of());

    /** What a plan's owner does not control: the kind of plan and who it concerns. Never a lever. */
    public static final Set<String> NEVER = Set.of("initiative.name", "initiative.kind", "initiative.organisationType",
            "initiative.useCase", "initiative.businessCase", "stakeholders[].name", "stakeholders[].department",
            "stakeholders[].affected", "stakeholders[].resistance");

    private static final Map<String, Class<?>> INPUTS = inputs();

    public Levers {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        values.forEach((path, allowed) -> copy.put(path, List.copyOf(allowed)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The values a remedy may give the input ({@code stakeholders[].involvement} for any entry), or none. */
    public List<Object> allowed(String declaredPath) {
        return values.getOrDefault(declaredPath, List.of());
    }

    /** The ruleset's levers: from its {@link #FILE}, or none when it has no such file. */
    public static Levers of(List<RuleFile> files, List<RuleProblem> problems) {
        return files.stream().filter(file -> file.path().equals(FILE)).findFirst()
                .map(file -> parse(file, problems)).orElse(NONE);
    }

    /** Reads a levers file; every path or value that is not the contract's is a problem at its line. */
    public static Levers parse(RuleFile file, List<RuleProblem> problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(file.text()));
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(file.path(), 0, 0, "is not valid YAML: " + e.getMessage()));
            return NONE;
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        if (root == null) {
            return NONE;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(at(file, root, "must map each input's path to the list of values a remedy may give it"));
            return NONE;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String path = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : null;
            Class<?> type = path == null ? null : INPUTS.get(path);
            if (path != null && NEVER.contains(path)) {
                problems.add(at(file, tuple.getKeyNode(), path + " is not the plan owner's to change and may not be a lever"));
            } else if (type == null) {
                problems.add(at(file, tuple.getKeyNode(), "unknown input " + path + "; inputs are " + INPUTS.keySet()));
            } else if (!(tuple.getValueNode() instanceof SequenceNode list) || list.getValue().isEmpty()) {
                problems.add(at(file, tuple.getValueNode(), path + " must list at least one value, as [value, ...]"));
            } else if (values.containsKey(path)) {
                problems.add(at(file, tuple.getKeyNode(), path + " is listed twice"));
            } else {
                List<Object> allowed = new ArrayList<>();
                for (Node item : list.getValue()) {
                    Object value = item instanceof ScalarNode scalar ? value(type, scalar.getValue()) : null;
                    if (value == null) {
                        problems.add(at(file, item, "value " + (item instanceof ScalarNode scalar ? scalar.getValue() : "")
                                + " is not one " + path + " can take (" + domain(type) + ")"));
                    } else if (!allowed.contains(value)) {
                        allowed.add(value);
                    }
                }
                values.put(path, allowed);
            }
        }
        return new Levers(values);
    }

    private static Object value(Class<?> type, String text) {
        if (type == Boolean.class) {
            return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
        }
        if (type == Integer.class) {
            try {
                int number = Integer.parseInt(text);
                return number >= RequestLimits.MIN_LEAD_TIME_MONTHS && number <= RequestLimits.MAX_LEAD_TIME_MONTHS
                        ? number : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .filter(text::equals).findFirst().orElse(null);
        }
        return null;
    }

    private static String domain(Class<?> type) {
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == Integer.class) {
            return "a whole number from " + RequestLimits.MIN_LEAD_TIME_MONTHS + " to " + RequestLimits.MAX_LEAD_TIME_MONTHS;
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "no value: a name or a list is no lever";
    }

    private static RuleProblem at(RuleFile file, Node node, String message) {
        return new RuleProblem(file.path(), node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
                message);
    }

    /** Every single-valued input of the contract by its declared path, found from the request's records. */
    private static Map<String, Class<?>> inputs() {
        Map<String, Class<?>> inputs = new LinkedHashMap<>();
        for (RecordComponent section : DecisionRequest.class.getRecordComponents()) {
            boolean list = List.class.isAssignableFrom(section.getType());
            Class<?> record = list ? (Class<?>) ((ParameterizedType) section.getGenericType()).getActualTypeArguments()[0]
                    : section.getType();
            for (RecordComponent field : record.getRecordComponents()) {
                inputs.put(section.getName() + (list ? "[]" : "") + "." + field.getName(), field.getType());
            }
        }
        return java.util.Collections.unmodifiableMap(inputs);
    }
}
