package nl.draagvlak.contract;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body strictly: unknown fields, duplicate keys, unknown enum values and values of
 * the wrong JSON type ("18" for a number, 1.5 for an integer, "yes" for a boolean) are errors
 * naming their field, never coerced or ignored. Then checks the contract's limits.
 */
public final class RequestReader {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]*)\"");

    /**
     * The parser's own limits, set here rather than left to Jackson's defaults (which allow 500
     * levels, 1000-digit numbers and 20-million-character strings). A valid request nests five
     * levels deep and has no number over three digits; the body limit bounds everything else.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxNumberLength(32)
            .maxNameLength(256)
            .maxStringLength(RequestLimits.MAX_BODY_BYTES)
            .maxDocumentLength(RequestLimits.MAX_BODY_BYTES)
            .maxTokenCount(RequestLimits.MAX_BODY_BYTES)
            .build();

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
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
        requireUtf8(body);
        DecisionRequest request;
        try {
            request = mapper.readValue(body, DecisionRequest.class);
        } catch (JacksonException e) {
            if (e instanceof StreamConstraintsException) {
                throw new InvalidRequestException(List.of(new FieldError(whereLimitIsPassed(body),
                        beyondLimits(e.getOriginalMessage()))));
            }
            throw new InvalidRequestException(List.of(toFieldError(e)));
        }
        List<FieldError> problems = RequestValidator.problemsOf(request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request;
    }

    /**
     * Jackson lets some malformed UTF-8 through (a lone continuation byte in a string, for one),
     * and the audit trail keeps the body as text: refuse any body that is not valid UTF-8 rather
     * than store a different text than was received.
     */
    private static void requireUtf8(byte[] body) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(body);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, body.length));
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidRequestException(List.of(new FieldError("$",
                    "is not valid UTF-8 (at byte " + in.position() + ")")));
        }
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

    /**
     * Where in the body a parser limit is passed: the body is read again token by token (only
     * after such an error) and the parser's own position names the field, which the databind
     * error does not carry.
     */
    private String whereLimitIsPassed(byte[] body) {
        tools.jackson.core.JsonParser parser;
        try {
            parser = mapper.createParser(body);
        } catch (JacksonException tooLong) {
            return "$";
        }
        try {
            while (parser.nextToken() != null) {
                if (parser.currentToken().isScalarValue()) {
                    parser.getText();
                }
            }
            return "$";
        } catch (JacksonException stopped) {
            return pathOf(parser.streamReadContext());
        } finally {
            parser.close();
        }
    }

    private static String pathOf(tools.jackson.core.TokenStreamContext innermost) {
        StringBuilder path = new StringBuilder();
        for (tools.jackson.core.TokenStreamContext context = innermost; context != null; context = context.getParent()) {
            if (context.inObject() && context.currentName() != null) {
                path.insert(0, path.isEmpty() || path.charAt(0) == '[' ? "" : ".").insert(0, context.currentName());
            } else if (context.inArray() && context.getCurrentIndex() >= 0) {
                path.insert(0, "[" + context.getCurrentIndex() + "]");
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Jackson's message names its own classes; say which limit it was instead. */
    private static String beyondLimits(String message) {
        String text = message == null ? "" : message;
        if (text.contains("nesting depth")) {
            return "nests deeper than " + LIMITS.getMaxNestingDepth() + " levels";
        }
        if (text.startsWith("Number value length")) {
            return "has a number longer than " + LIMITS.getMaxNumberLength() + " characters";
        }
        if (text.startsWith("Name length")) {
            return "has a property name longer than " + LIMITS.getMaxNameLength() + " characters";
        }
        if (text.startsWith("Document length")) {
            return "is longer than " + LIMITS.getMaxDocumentLength() + " bytes";
        }
        if (text.startsWith("String value length")) {
            return "has a string longer than " + LIMITS.getMaxStringLength() + " characters";
        }
        return "is beyond the limits of the request reader";
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
        String name = property.isEmpty() ? "\"\"" : property; // the empty name, shown so that the field is never blank
        return "$".equals(path) ? name : path + "." + name;
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
