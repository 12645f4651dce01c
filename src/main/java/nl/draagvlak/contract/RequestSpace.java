package nl.draagvlak.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.contract.RequestLimits;
import nl.draagvlak.contract.RequestReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every input a request can carry, found from the contract's records (so a field added there is
 * covered without anyone listing it), with the values each input can take; and requests built
 * from them. Requests are plain JSON trees (maps, lists, strings, numbers, booleans) and reach
 * the rules only through the API's own strict {@link RequestReader}.
 *
 * <p>Integers take their limits and the values on both sides of every threshold the rules use.
 */
public final class RequestSpace {

    /** The list section of the request; its entries' inputs are {@code stakeholders[i].field}. */
    public static final String LIST = "stakeholders";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Map<String, List<Object>>> sections = new LinkedHashMap<>();
    private final Map<String, List<Object>> entryFields;
    private final RequestReader reader = new RequestReader();

    /**
     * One input of one request: a field of a section ({@code initiative.kind}), of a list entry
     * ({@code stakeholders[2].affected}, {@code index} 2), or the whole list ({@code field} null).
     */
    public record Input(String section, int index, String field) {

        /** The dotted path, as {@code missing} names it. */
        public String path() {
            if (field == null) {
                return section;
            }
            return section + (index >= 0 ? "[" + index + "]" : "") + "." + field;
        }

        /** The path as {@code @needs} declares it: list entries as {@code stakeholders[]}. */
        public String declaredPath() {
            if (field == null) {
                return section;
            }
            return section + (index >= 0 ? "[]" : "") + "." + field;
        }
    }

    /** @param thresholds the thresholds of the rules, whose neighbours integer inputs take */
    public RequestSpace(Iterable<Integer> thresholds) {
        TreeSet<Integer> integers = new TreeSet<>(List.of(RequestLimits.MIN_LEAD_TIME_MONTHS,
                RequestLimits.MAX_LEAD_TIME_MONTHS));
        for (int threshold : thresholds) {
            for (int value = threshold - 1; value <= threshold + 1; value++) {
                if (value >= RequestLimits.MIN_LEAD_TIME_MONTHS && value <= RequestLimits.MAX_LEAD_TIME_MONTHS) {
                    integers.add(value);
                }
            }
        }
        Map<String, List<Object>> entries = null;
        for (RecordComponent section : DecisionRequest.class.getRecordComponents()) {
            if (List.class.isAssignableFrom(section.getType())) {
                entries = fieldsOf(elementType(section.getGenericType()), integers);
            } else {
                sections.put(section.getName(), fieldsOf(section.getType(), integers));
            }
        }
        this.entryFields = entries;
        dropUnknownFromRequiredInputs();
    }

    /** An input is required when the API refuses an otherwise complete request without it. */
    private void dropUnknownFromRequiredInputs() {
        Map<String, Object> complete = new LinkedHashMap<>();
        sections.forEach((section, fields) -> complete.put(section, firstKnownValues(fields)));
        complete.put(LIST, new ArrayList<>(List.of(firstKnownValues(entryFields))));
        if (read(complete) == null) {
            throw new IllegalStateException("the API refuses a request with every input stated: " + complete);
        }
        for (Input input : inputs(complete)) {
            if (input.field() != null && read(with(complete, input, null)) == null) {
                values(input).remove(null);
            }
        }
    }

    private static Map<String, Object> firstKnownValues(Map<String, List<Object>> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((field, domain) -> values.put(field, domain.get(1)));
        return values;
    }

    /** Every input of this request: each field of each section, the whole list, each field of each entry. */
    public List<Input> inputs(Map<String, Object> request) {
        List<Input> inputs = new ArrayList<>();
        sections.forEach((section, fields) -> fields.keySet()
                .forEach(field -> inputs.add(new Input(section, -1, field))));
        inputs.add(new Input(LIST, -1, null));
        List<?> entries = (List<?>) request.get(LIST);
        for (int i = 0; entries != null && i < entries.size(); i++) {
            for (String field : entryFields.keySet()) {
                inputs.add(new Input(LIST, i, field));
            }
        }
        return inputs;
    }

    /** The values the input can take, null (unknown) first where the contract allows it. */
    public List<Object> values(Input input) {
        if (input.field() == null) {
            return Arrays.asList(null, List.of());
        }
        return (input.index() >= 0 ? entryFields : sections.get(input.section())).get(input.field());
    }

    /** The current value of the input in the request (null when absent). */
    @SuppressWarnings("unchecked")
    public static Object valueOf(Map<String, Object> request, Input input) {
        if (input.field() == null) {
            return request.get(input.section());
        }
        Object holder = request.get(input.section());
        if (input.index() >= 0) {
            holder = holder == null ? null : ((List<Object>) holder).get(input.index());
        }
        return holder == null ? null : ((Map<String, Object>) holder).get(input.field());
    }

    /** A copy of the request with the input set to the value (null: left out). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> request, Input input, Object value) {
        Map<String, Object> copy = deepCopy(request);
        if (input.field() == null) {
            copy.put(input.section(), value);
            return copy;
        }
        Map<String, Object> holder;
        if (input.index() >= 0) {
            holder = ((List<Map<String, Object>>) copy.get(input.section())).get(input.index());
        } else {
            holder = (Map<String, Object>) copy.computeIfAbsent(input.section(), section -> new LinkedHashMap<>());
        }
        holder.put(input.field(), value);
        return copy;
    }

    /**
     * The request with the given inputs set, in every combination of their known values; null when
     * there are more than {@code most} combinations. Each comes with the values it was given, in
     * the order of the paths.
     */
    public Map<List<Object>, Map<String, Object>> combinations(Map<String, Object> request, List<String> paths,
                                                               int most) {
        Map<String, Input> byPath = new LinkedHashMap<>();
        inputs(request).forEach(input -> byPath.put(input.path(), input));
        List<Input> inputs = new ArrayList<>();
        for (String path : paths) {
            Input input = byPath.get(path);
            if (input == null || input.field() == null) {
                return null; // the whole list: its entries are not values to try
            }
            inputs.add(input);
        }
        List<List<Object>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Input input : inputs) {
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> combination : combinations) {
                for (Object value : values(input)) {
                    if (value != null) {
                        List<Object> extended = new ArrayList<>(combination);
                        extended.add(value);
                        longer.add(extended);
                    }
                }
            }
            combinations = longer;
            if (combinations.size() > most) {
                return null;
            }
        }
        Map<List<Object>, Map<String, Object>> requests = new LinkedHashMap<>();
        for (List<Object> combination : combinations) {
            Map<String, Object> known = request;
            for (int i = 0; i < inputs.size(); i++) {
                known = with(known, inputs.get(i), combination.get(i));
            }
            requests.put(combination, known);
        }
        return requests;
    }

    /** Whether a section has at least one field stated ("given", catalogue reading 1). */
    @SuppressWarnings("unchecked")
    public static boolean isGiven(Map<String, Object> request, String section) {
        Object value = request.get(section);
        if (value instanceof Map<?, ?> fields) {
            return ((Map<String, Object>) fields).values().stream().anyMatch(field -> field != null);
        }
        return value != null;
    }

    /** The request as the API reads it, or null when the API would refuse it (a required field left out). */
    public DecisionRequest read(Map<String, Object> request) {
        try {
            return reader.read(JSON.writeValueAsBytes(request));
        } catch (InvalidRequestException e) {
            return null;
        }
    }

    /** A request as a JSON tree, from JSON bytes such as a scenario's. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(byte[] json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    /**
     * For every value of every input, the request that states it and leaves every other optional
     * input unknown, for each combination of the required inputs; and each of those once more with
     * a list of one entry per department whose own inputs are unknown. Unknown never rules a
     * condition out (three-valued logic), so a rule that none of these activates is held back by
     * something other than a single known input.
     */
    public List<Map<String, Object>> singleKnownInputs() {
        List<Map<String, Object>> bases = requiredCombinations();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Map<String, Object> base : bases) {
            List<Map<String, Object>> oneInput = new ArrayList<>();
            oneInput.add(base);
            for (Input input : inputs(base)) {
                if (input.field() != null && valueOf(base, input) == null) {
                    for (Object value : values(input)) {
                        if (value != null) {
                            oneInput.add(with(base, input, value));
                        }
                    }
                }
            }
            for (Map<String, Object> request : oneInput) {
                requests.add(request);
                requests.add(withEveryDepartment(request));
            }
        }
        return requests;
    }

    /** Requests drawn at random (the same ones for the same seed), each input unknown about a third of the time. */
    public List<Map<String, Object>> random(long seed, int count) {
        Random random = new Random(seed);
        List<Map<String, Object>> requests = new ArrayList<>();
        while (requests.size() < count) {
            Map<String, Object> request = new LinkedHashMap<>();
            sections.forEach((section, fields) -> {
                if (section.equals("initiative") || random.nextInt(4) > 0) {
                    request.put(section, randomFields(fields, random));
                }
            });
            if (random.nextInt(7) > 0) {
                List<Object> entries = new ArrayList<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    entries.add(randomFields(entryFields, random));
                }
                request.put(LIST, entries);
            }
            if (read(request) != null) {
                requests.add(request);
            }
        }
        return requests;
    }

    private List<Map<String, Object>> requiredCombinations() {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Input input : inputs(Map.of())) {
            if (input.field() != null && input.index() < 0 && values(input).get(0) != null) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> combination : combinations) {
                    for (Object value : values(input)) {
                        next.add(with(combination, input, value));
                    }
                }
                combinations = next;
            }
        }
        return combinations;
    }

    private Map<String, Object> withEveryDepartment(Map<String, Object> request) {
        List<Object> entries = new ArrayList<>();
        String required = entryFields.entrySet().stream().filter(field -> field.getValue().get(0) != null)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        for (Object department : entryFields.get(required)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(required, department);
            entryFields.forEach((field, values) -> {
                if (values.get(values.size() - 1) instanceof List<?> all) {
                    entry.put(field, all); // a set-valued input: every kind observed
                }
            });
            entries.add(entry);
        }
        Map<String, Object> copy = deepCopy(request);
        copy.put(LIST, entries);
        return copy;
    }

    private static Map<String, Object> randomFields(Map<String, List<Object>> fields, Random random) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((field, domain) -> {
            boolean required = domain.get(0) != null;
            if (required || random.nextInt(3) > 0) {
                List<Object> known = domain.stream().filter(value -> value != null).toList();
                values.put(field, known.get(random.nextInt(known.size())));
            }
        });
        return values;
    }

    /** The fields of a section record, each with its values, unknown (null) first. */
    private Map<String, List<Object>> fieldsOf(Class<?> section, TreeSet<Integer> integers) {
        Map<String, List<Object>> fields = new LinkedHashMap<>();
        for (RecordComponent component : section.getRecordComponents()) {
            List<Object> values = new ArrayList<>();
            values.add(null);
            Class<?> type = component.getType();
            if (type.isEnum()) {
                Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).forEach(values::add);
            } else if (type == Boolean.class) {
                values.addAll(List.of(true, false));
            } else if (type == Integer.class) {
                values.addAll(integers);
            } else if (type == String.class) {
                values.add("a name");
            } else if (List.class.isAssignableFrom(type) && elementType(component.getGenericType()).isEnum()) {
                List<String> kinds = Arrays.stream(elementType(component.getGenericType()).getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList();
                values.add(List.of());
                kinds.forEach(kind -> values.add(List.of(kind)));
                values.add(kinds);
            } else {
                throw new IllegalStateException("no values known for " + section.getSimpleName() + "."
                        + component.getName() + " of type " + type.getName());
            }
            fields.put(component.getName(), values);
        }
        return fields;
    }

    private static Class<?> elementType(Type listType) {
        return (Class<?>) ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> request) {
        Map<String, Object> copy = new LinkedHashMap<>();
        request.forEach((key, value) -> {
            if (value instanceof Map<?, ?> fields) {
                copy.put(key, new LinkedHashMap<>((Map<String, Object>) fields));
            } else if (value instanceof List<?> entries) {
                List<Object> entriesCopy = new ArrayList<>();
                for (Object entry : entries) {
                    entriesCopy.add(entry instanceof Map<?, ?> fields
                            ? new LinkedHashMap<>((Map<String, Object>) fields) : entry);
                }
                copy.put(key, entriesCopy);
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
