package nl.draagvlak.contract;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body strictly: unknown fields, duplicate keys, unknown enum values and values of
 * the wrong JSON type ("18" for a number, 1.5 for an integer, "yes" for a boolean) are errors
 * naming their field, never coerced or ignored. Then checks the contract's limits.
 */
public final class RequestReader {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]*)\"");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfigDefaults(config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
            .build();

    public DecisionRequest read(byte[] body) {
        DecisionRequest request;
        try {
            request = mapper.readValue(body, DecisionRequest.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(toFieldError(e)));
        }
        List<FieldError> problems = RequestValidator.problemsOf(request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request;
    }

    private static FieldError toFieldError(JacksonException e) {
        String path = pathOf(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path.endsWith(unknown.getPropertyName()) ? path : join(path, unknown.getPropertyName());
            return new FieldError(field, "is not a field of this object");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new FieldError(path, "must be one of " + String.join(", ",
                    Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString).toList()));
        }
        if (e instanceof InputCoercionException) {
            return new FieldError(path, "must be an integer within range");
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return new FieldError("$", "must be a single JSON object, with nothing after it");
        }
        if (e instanceof MismatchedInputException mismatched) {
            return new FieldError(path, "must be " + expected(mismatched.getTargetType()));
        }
        if (e instanceof StreamReadException) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(message);
            if (duplicate.find()) {
                return new FieldError(join(path, duplicate.group(1)), "appears twice in the same object");
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new FieldError(path, "is not valid JSON" + where + ": " + plain(message));
        }
        return new FieldError(path, "cannot be read: " + plain(e.getOriginalMessage()));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (type == Integer.class || type == int.class) {
            return "a JSON integer (not a string or a fraction)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a JSON boolean, true or false";
        }
        if (type == String.class) {
            return "a JSON string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String pathOf(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String join(String path, String property) {
        return "$".equals(path) ? property : path + "." + property;
    }

    /** The parser's message without its source-location noise. */
    private static String plain(String message) {
        if (message == null) {
            return "";
        }
        String text = message.split("\n", 2)[0];
        int noise = text.indexOf(" (start marker");
        return (noise < 0 ? text : text.substring(0, noise)).strip();
    }
}
