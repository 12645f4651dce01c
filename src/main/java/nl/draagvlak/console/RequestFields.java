package nl.draagvlak.console;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.StakeholderInput;

/**
 * The request's fields as the contract's records declare them, section by section: what the try
 * form asks for and what the decision page shows. Read from {@link DecisionRequest}, so a field
 * added to the contract appears in both without a change here.
 */
final class RequestFields {

    enum Kind { YES_NO, CHOICE, CHOICES, NUMBER, TEXT }

    /** One input: its JSON name, its kind, and the values it may take (enums only). */
    record Field(String name, Kind kind, List<String> options) {
    }

    /** One object of the request ({@code initiative}, ...), or the stakeholder rows' fields. */
    record Section(String name, List<Field> fields) {
    }

    static final String STAKEHOLDERS = "stakeholders";
    private static final List<Section> SECTIONS = build();
    private static final Section STAKEHOLDER = new Section(STAKEHOLDERS, fields(StakeholderInput.class));

    private RequestFields() {
    }

    /** Every object section of the request, in the contract's order (the stakeholders apart). */
    static List<Section> sections() {
        return SECTIONS;
    }

    private static List<Section> build() {
        List<Section> sections = new ArrayList<>();
        for (RecordComponent component : DecisionRequest.class.getRecordComponents()) {
            if (component.getType().isRecord()) {
                sections.add(new Section(component.getName(), fields(component.getType())));
            }
        }
        return List.copyOf(sections);
    }

    static Section stakeholder() {
        return STAKEHOLDER;
    }

    private static List<Field> fields(Class<?> record) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type == Boolean.class) {
                fields.add(new Field(component.getName(), Kind.YES_NO, List.of("true", "false")));
            } else if (type.isEnum()) {
                fields.add(new Field(component.getName(), Kind.CHOICE, constants(type)));
            } else if (type == Integer.class) {
                fields.add(new Field(component.getName(), Kind.NUMBER, List.of()));
            } else if (type == List.class) {
                fields.add(new Field(component.getName(), Kind.CHOICES, constants(elementType(component))));
            } else {
                fields.add(new Field(component.getName(), Kind.TEXT, List.of()));
            }
        }
        return List.copyOf(fields);
    }

    private static Class<?> elementType(RecordComponent component) {
        Type type = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return (Class<?>) type;
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }
}
