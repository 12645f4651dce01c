package nl.draagvlak.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The try form's fields as a request body: a field left empty (or "unknown") is left out, and so
 * is a section with no field given and a stakeholder row with nothing in it, so unknown stays
 * unknown. A number that is not one goes as the text typed, for the contract to refuse by name.
 */
final class TryRequest {

    static final int DEFAULT_ROWS = 2;
    static final int MAX_ROWS = 100;

    private TryRequest() {
    }

    static ObjectNode body(Map<String, String[]> form, int rows, JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        for (RequestFields.Section section : RequestFields.sections()) {
            ObjectNode object = object(form, section.name() + ".", section, json);
            if (!object.isEmpty() || section.name().equals("initiative")) {
                body.set(section.name(), object);
            }
        }
        ArrayNode stakeholders = json.createArrayNode();
        for (int row = 0; row < rows; row++) {
            ObjectNode stakeholder = object(form, RequestFields.STAKEHOLDERS + "[" + row + "].",
                    RequestFields.stakeholder(), json);
            if (!stakeholder.isEmpty()) {
                stakeholders.add(stakeholder);
            }
        }
        if (!stakeholders.isEmpty()) {
            body.set(RequestFields.STAKEHOLDERS, stakeholders);
        }
        return body;
    }

    private static ObjectNode object(Map<String, String[]> form, String prefix, RequestFields.Section section,
                                     JsonMapper json) {
        ObjectNode object = json.createObjectNode();
        for (RequestFields.Field field : section.fields()) {
            String[] given = form.get(prefix + field.name());
            List<String> values = given == null ? List.of()
                    : Arrays.stream(given).map(String::strip).filter(value -> !value.isEmpty()).toList();
            if (field.kind() == RequestFields.Kind.CHOICES) {
                // A list is given once the row says so; "none" is the empty list, nothing ticked is unknown.
                List<String> chosen = values.stream().filter(value -> !value.equals("unknown")).toList();
                if (!values.isEmpty()) {
                    ArrayNode array = object.putArray(field.name());
                    chosen.stream().filter(value -> !value.equals("none")).forEach(array::add);
                }
                continue;
            }
            if (values.isEmpty() || values.get(0).equals("unknown")) {
                continue;
            }
            String value = values.get(0);
            switch (field.kind()) {
                case YES_NO -> object.put(field.name(), Boolean.parseBoolean(value));
                case NUMBER -> {
                    try {
                        object.put(field.name(), Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        object.put(field.name(), value);
                    }
                }
                default -> object.put(field.name(), value);
            }
        }
        return object;
    }
}
