package nl.draagvlak.ruleset.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.engine.Levers;
import nl.draagvlak.engine.RuleFile;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/rulesets/impact}, read strictly: {@code candidate} is a stored
 * {@code version} or a set of {@code files}; {@code sample} is the {@code last} N decisions or
 * those {@code from} .. {@code to}. Every mistake names its field.
 */
record ImpactRequest(String version, List<RuleFile> files, Integer last, Instant from, Instant to) {

    static final int MAX_SAMPLE = 10_000;

    static ImpactRequest read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new FieldError("$", "must be a JSON object with candidate and sample")));
        }
        unknown(body, Set.of("candidate", "sample"), "", errors);
        JsonNode candidate = body.path("candidate");
        String version = null;
        List<RuleFile> files = null;
        if (!candidate.isObject()) {
            errors.add(new FieldError("candidate", "must be {\"version\": ...} or {\"files\": [...]}"));
        } else {
            unknown(candidate, Set.of("version", "files"), "candidate.", errors);
            boolean hasVersion = candidate.has("version");
            if (hasVersion == candidate.has("files")) {
                errors.add(new FieldError("candidate", "must have exactly one of version and files"));
            } else if (hasVersion) {
                version = text(candidate.get("version"), "candidate.version", errors);
            } else {
                files = files(candidate.get("files"), errors);
            }
        }
        JsonNode sample = body.path("sample");
        Integer last = null;
        Instant from = null;
        Instant to = null;
        if (!sample.isObject()) {
            errors.add(new FieldError("sample", "must be {\"last\": N} or {\"from\": ..., \"to\": ...}"));
        } else {
            unknown(sample, Set.of("last", "from", "to"), "sample.", errors);
            if (sample.has("last") == (sample.has("from") || sample.has("to"))) {
                errors.add(new FieldError("sample", "must have either last, or from and to"));
            } else if (sample.has("last")) {
                JsonNode n = sample.get("last");
                if (!n.isInt() || n.asInt() < 1 || n.asInt() > MAX_SAMPLE) {
                    errors.add(new FieldError("sample.last", "must be an integer from 1 to " + MAX_SAMPLE));
                } else {
                    last = n.asInt();
                }
            } else {
                from = instant(sample.get("from"), "sample.from", errors);
                to = instant(sample.get("to"), "sample.to", errors);
                if (from != null && to != null && !from.isBefore(to)) {
                    errors.add(new FieldError("sample.to", "must be after sample.from"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new ImpactRequest(version, files, last, from, to);
    }

    private static List<RuleFile> files(JsonNode node, List<FieldError> errors) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("candidate.files", "must be a non-empty list of {path, content}"));
            return null;
        }
        List<RuleFile> files = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode file = node.get(i);
            String where = "candidate.files[" + i + "]";
            if (!file.isObject()) {
                errors.add(new FieldError(where, "must be {path, content}"));
                continue;
            }
            unknown(file, Set.of("path", "content"), where + ".", errors);
            String path = text(file.get("path"), where + ".path", errors);
            String content = text(file.get("content"), where + ".content", errors);
            if (path != null && (!(path.endsWith(".drl") || isLevers(path)) || path.contains("\\")
                    || path.contains("..") || path.startsWith("/"))) {
                errors.add(new FieldError(where + ".path",
                        "must be a relative path with forward slashes ending in .drl, or the ruleset's levers.yaml"));
            } else if (path != null && content != null) {
                files.add(new RuleFile(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private static String text(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || !node.isString() || node.asText().isBlank()) {
            errors.add(new FieldError(field, "must be a non-empty string"));
            return null;
        }
        return node.asText();
    }

    private static Instant instant(JsonNode node, String field, List<FieldError> errors) {
        String value = text(node, field, errors);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z"));
            return null;
        }
    }

    private static void unknown(JsonNode node, Set<String> allowed, String prefix, List<FieldError> errors) {
        node.propertyNames().forEach(name -> {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field (allowed: "
                        + allowed.stream().sorted().toList() + ")"));
            }
        });
    }

    private static InvalidRequestException invalid(List<FieldError> errors) {
        return new InvalidRequestException(errors);
    }

    /** The ruleset's one file that is not DRL: the levers remedies may pull. */
    private static boolean isLevers(String path) {
        return path.equals(Levers.FILE) || path.equals(Levers.FILE_NAME);
    }
}
