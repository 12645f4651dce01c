package nl.draagvlak.properties;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.RequestLimits;

/**
 * Valid decision requests, made from the contract's own records so that they follow the contract
 * as it changes: every field may be absent, {@code null} or a value of its type; enums take any
 * constant, integers any value in range, strings any text within their limit; the required fields
 * ({@code initiative}, its {@code kind} and {@code organisationType}, a stakeholder's
 * {@code department}) are always there.
 */
final class ValidRequests {

    /** Fields that must be present, by dotted name within their record. */
    private static final Set<String> REQUIRED = Set.of("DecisionRequest.initiative", "InitiativeInput.kind",
            "InitiativeInput.organisationType", "StakeholderInput.department");
    private static final Object ABSENT = new Object();

    private ValidRequests() {
    }

    static Arbitrary<Map<String, Object>> requests() {
        return record(DecisionRequest.class);
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Map<String, Object>> record(Class<?> type) {
        List<Arbitrary<Object>> fields = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components) {
            Arbitrary<Object> value = value(type.getSimpleName() + "." + component.getName(), component.getGenericType());
            boolean required = REQUIRED.contains(type.getSimpleName() + "." + component.getName());
            fields.add(required ? value : Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(2, Arbitraries.just(ABSENT)), net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
                    net.jqwik.api.Tuple.of(5, value)));
        }
        return Combinators.combine(fields).as(values -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < components.length; i++) {
                if (values.get(i) != ABSENT) {
                    object.put(components[i].getName(), values.get(i));
                }
            }
            return object;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Arbitrary<Object> value(String field, Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            int most = field.equals("DecisionRequest.stakeholders") ? 6 : 4;
            return (Arbitrary) value(field + "[]", element).filter(v -> v != null).list().ofMaxSize(most);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return (Arbitrary) record(raw);
        }
        if (raw.isEnum()) {
            return (Arbitrary) Arbitraries.of(raw.getEnumConstants()).map(Object::toString);
        }
        if (raw == Boolean.class) {
            return (Arbitrary) Arbitraries.of(true, false);
        }
        if (raw == Integer.class) {
            return (Arbitrary) Arbitraries.integers().between(RequestLimits.MIN_LEAD_TIME_MONTHS, RequestLimits.MAX_LEAD_TIME_MONTHS);
        }
        if (raw == String.class) {
            int limit = field.startsWith("StakeholderInput") ? RequestLimits.MAX_STAKEHOLDER_NAME : RequestLimits.MAX_INITIATIVE_NAME;
            return (Arbitrary) Arbitraries.strings().alpha().numeric().withChars(" -'éëï&\"\\/").ofMaxLength(limit);
        }
        throw new IllegalStateException("no generator for " + field + " of " + type);
    }
}
