package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus of hostile requests, each with the 4xx it must get: malformed, oversized, deeply nested,
 * wrong types, wrong content types, invalid UTF-8, huge numbers, and odd paths and parameters.
 * None may get a 5xx, a stack trace or a class name, and every one answered by the service itself
 * is a problem (the container's own refusals of malformed URLs are storefaults' concern).
 */
class HostileRequestTests extends SecuredServiceTest {

    private static final String INITIATIVE = "\"initiative\":{\"kind\":\"OTHER_CHANGE\",\"organisationType\":\"COMPANY\"";
    private static final List<Integer> SEEN = new ArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A request of the corpus: what it is, how it is sent, and what it must get. */
    record Hostile(String method, String path, String contentType, byte[] body, String[] headers) {
        static Hostile post(String contentType, byte[] body, String... headers) {
            return new Hostile("POST", "/api/v1/decisions", contentType, body, headers);
        }

        static Hostile json(String body, String... headers) {
            return post("application/json", body.getBytes(StandardCharsets.UTF_8), headers);
        }

        static Hostile get(String path) {
            return new Hostile("GET", path, null, null, new String[0]);
        }
    }

    private static byte[] bytes(String before, int[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Stream<Arguments> corpus() {
        String deepArrays = "[".repeat(20_000) + "]".repeat(20_000);
        String deepObjects = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
        return Stream.of(
                // malformed
                Arguments.of("empty body", Hostile.json(""), 400, true),
                Arguments.of("unterminated object", Hostile.json("{" + INITIATIVE), 400, true),
                Arguments.of("trailing comma", Hostile.json("{" + INITIATIVE + ",}}"), 400, true),
                Arguments.of("single quotes", Hostile.json("{'initiative':{}}"), 400, true),
                Arguments.of("a comment", Hostile.json("{/* hi */" + INITIATIVE + "}}"), 400, true),
                Arguments.of("NaN", Hostile.json("{" + INITIATIVE + ",\"leadTimeMonths\":NaN}}"), 400, true),
                Arguments.of("two documents", Hostile.json("{" + INITIATIVE + "}}{" + INITIATIVE + "}}"), 400, true),
                Arguments.of("NUL bytes", Hostile.post("application/json", bytes("{", new int[] {0, 0, 0}, "}")), 400, true),
                Arguments.of("duplicate key", Hostile.json("{" + INITIATIVE + "},\"initiative\":{}}"), 400, true),
                // oversized
                Arguments.of("body over 64 KiB", Hostile.json("{" + INITIATIVE + ",\"name\":\"" + "x".repeat(70_000) + "\"}}"), 413, true),
                Arguments.of("1 MiB of spaces", Hostile.json(" ".repeat(1 << 20)), 413, true),
                Arguments.of("10,000 stakeholders", Hostile.json("{" + INITIATIVE + "},\"stakeholders\":["
                        + String.join(",", java.util.Collections.nCopies(10_000, "{}")) + "]}"), 400, true),
                Arguments.of("over-long Idempotency-Key", Hostile.json("{" + INITIATIVE + "}}", "Idempotency-Key", "k".repeat(500)), 400, true),
                // deeply nested
                Arguments.of("20,000 nested arrays", Hostile.json(deepArrays), 400, true),
                Arguments.of("3,000 nested objects", Hostile.json(deepObjects), 400, true),
                Arguments.of("nested arrays in stakeholders", Hostile.json("{" + INITIATIVE + "},\"stakeholders\":"
                        + "[".repeat(5_000) + "]".repeat(5_000) + "}"), 400, true),
                // wrong types
                Arguments.of("an array as the body", Hostile.json("[]"), 400, true),
                Arguments.of("a string as the body", Hostile.json("\"initiative\""), 400, true),
                Arguments.of("null as the body", Hostile.json("null"), 400, true),
                Arguments.of("a number as the body", Hostile.json("42"), 400, true),
                Arguments.of("initiative an array", Hostile.json("{\"initiative\":[]}"), 400, true),
                Arguments.of("kind an object", Hostile.json("{\"initiative\":{\"kind\":{},\"organisationType\":\"COMPANY\"}}"), 400, true),
                Arguments.of("boolean as a string", Hostile.json("{" + INITIATIVE + ",\"businessCase\":\"true\"}}"), 400, true),
                Arguments.of("resistance a string", Hostile.json("{" + INITIATIVE + "},\"stakeholders\":[{\"department\":\"IT\",\"resistance\":\"DISTRUSTS_TECHNIQUE\"}]}"), 400, true),
                // huge and odd numbers
                Arguments.of("1e999", Hostile.json("{" + INITIATIVE + ",\"leadTimeMonths\":1e999}}"), 400, true),
                Arguments.of("20 nines", Hostile.json("{" + INITIATIVE + ",\"leadTimeMonths\":99999999999999999999}}"), 400, true),
                Arguments.of("1000 digits", Hostile.json("{" + INITIATIVE + ",\"leadTimeMonths\":" + "9".repeat(1000) + "}}"), 400, true),
                Arguments.of("100 as 1E2", Hostile.json("{" + INITIATIVE + ",\"leadTimeMonths\":1E2}}"), 400, true),
                Arguments.of("negative lead time", Hostile.json("{" + INITIATIVE + ",\"leadTimeMonths\":-2147483648}}"), 400, true),
                Arguments.of("leading zeros", Hostile.json("{" + INITIATIVE + ",\"leadTimeMonths\":0018}}"), 400, true),
                // invalid UTF-8
                Arguments.of("a broken two-byte sequence", Hostile.post("application/json",
                        bytes("{" + INITIATIVE + ",\"name\":\"", new int[] {0xC3, 0x28}, "\"}}")), 400, true),
                Arguments.of("an overlong encoding", Hostile.post("application/json",
                        bytes("{" + INITIATIVE + ",\"name\":\"", new int[] {0xC0, 0xAF}, "\"}}")), 400, true),
                Arguments.of("a lone continuation byte", Hostile.post("application/json",
                        bytes("{" + INITIATIVE + ",\"name\":\"", new int[] {0x80}, "\"}}")), 400, true),
                Arguments.of("bytes 0xFF 0xFE first", Hostile.post("application/json",
                        bytes("", new int[] {0xFF, 0xFE}, "{" + INITIATIVE + "}}")), 400, true),
                // wrong content types and negotiation
                Arguments.of("text/plain", Hostile.post("text/plain", ("{" + INITIATIVE + "}}").getBytes(StandardCharsets.UTF_8)), 415, true),
                Arguments.of("application/xml", Hostile.post("application/xml", "<initiative/>".getBytes(StandardCharsets.UTF_8)), 415, true),
                Arguments.of("a form", Hostile.post("application/x-www-form-urlencoded", "initiative=x".getBytes(StandardCharsets.UTF_8)), 415, true),
                Arguments.of("no content type", Hostile.post(null, ("{" + INITIATIVE + "}}").getBytes(StandardCharsets.UTF_8)), 415, true),
                Arguments.of("a content type that does not parse", Hostile.post("json/;;;", ("{" + INITIATIVE + "}}").getBytes(StandardCharsets.UTF_8)), 415, true),
                Arguments.of("accepting only XML", Hostile.json("{" + INITIATIVE + "}}", "Accept", "application/xml"), 406, false),
                // wrong methods, paths and parameters
                Arguments.of("PATCH on decisions", new Hostile("PATCH", "/api/v1/decisions", "application/json", "{}".getBytes(StandardCharsets.UTF_8), new String[0]), 405, true),
                Arguments.of("SQL in a decision id", Hostile.get("/api/v1/decisions/'%20OR%201=1--"), 404, true),
                Arguments.of("a negative page size", Hostile.get("/api/v1/decisions?limit=-1"), 400, true),
                Arguments.of("a page size of 10^12", Hostile.get("/api/v1/decisions?limit=1000000000000"), 400, true),
                Arguments.of("an unknown verdict", Hostile.get("/api/v1/decisions?verdict=MAYBE"), 400, true),
                Arguments.of("a date that is not one", Hostile.get("/api/v1/decisions?from=yesterday"), 400, true),
                Arguments.of("a cursor that is not one", Hostile.get("/api/v1/decisions?cursor=abc"), 400, true),
                Arguments.of("a head that is not one", Hostile.get("/api/v1/audit/verify?head=nonsense"), 400, true),
                Arguments.of("a ruleset that is not stored", Hostile.get("/api/v1/rulesets/sha256:..%2f..%2fetc%2fpasswd"), 400, false),
                Arguments.of("a path with a semicolon", Hostile.get("/api/v1/decisions;jsessionid=x"), 400, true),
                Arguments.of("an encoded dot-dot", Hostile.get("/api/v1/decisions/%2e%2e/audit/verify"), 400, false));
    }

    @ParameterizedTest(name = "{0} is a {2}")
    @MethodSource("corpus")
    void eachHostileRequestGetsItsExpected4xx(String kind, Hostile hostile, int expected, boolean problem) throws Exception {
        // The JDK client, not RestTestClient: the corpus sends content types that do not parse and bodies
        // without a content type, which RestTestClient refuses or labels application/octet-stream.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hostile.path()))
                .header("Authorization", TestUsers.basicAll())
                .method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        for (int i = 0; i + 1 < hostile.headers().length; i += 2) {
            request.header(hostile.headers()[i], hostile.headers()[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        synchronized (SEEN) {
            SEEN.add(response.statusCode());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("tools.jackson")
                .doesNotContainIgnoringCase("sql");
        if (problem) {
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(JsonMapper.shared().readTree(response.body()).get("status").asInt()).isEqualTo(expected);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("Hostile corpus: " + SEEN.size() + " requests, statuses " + SEEN.stream().sorted().distinct().toList()
                + ", 5xx: " + SEEN.stream().filter(status -> status >= 500).count());
    }
}
