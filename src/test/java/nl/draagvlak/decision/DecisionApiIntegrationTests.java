package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.support.Http;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The decision API as a caller sees it: the real server, the real rules, the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionApiIntegrationTests {

    static final String PLAN = Requests.PLAN;

    @LocalServerPort
    int port;
    Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DecisionApiIntegrationTests::storeUrl);
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
    }

    static String storeUrl() {
        return TestDatabases.h2Url();
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDecisionIsCreatedWithItsLocationAndCanBeReadBackAsStored() {
        Http.Response created = http.postJson("/api/v1/decisions", PLAN);
        assertThat(created.status()).isEqualTo(201);
        JsonNode decision = created.json();
        String id = decision.get("decisionId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/decisions/" + id);
        assertThat(decision.get("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(decision.get("ruleset").get("version").asText()).startsWith("sha256:");
        assertThat(decision.get("findings").findValuesAsString("ruleId"))
                .contains("MIG-FO-BACKOFFICE-LAG", "MIG-BACKOFFICE-NOT-IN-ORDER", "SUP-ONLY-INFORMED");
        assertThat(decision.get("trace").get(0).get("seq").asInt()).isEqualTo(1);

        Http.Response stored = http.get("/api/v1/decisions/" + id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("response")).isEqualTo(decision);
        assertThat(stored.json().get("request").get("initiative").get("name").asText()).isEqualTo("Digital counter 2027");
        assertThat(stored.json().get("trace").get(0).get("matched").get(0).get("values")).isNotNull();
    }

    @Test
    void findingsAreOrderedBySeverityThenRuleIdThenStakeholder() {
        JsonNode findings = http.postJson("/api/v1/decisions", PLAN).json().get("findings");
        java.util.List<String> order = java.util.List.of("BLOCKER", "HIGH", "MEDIUM", "LOW", "INFO");
        for (int i = 1; i < findings.size(); i++) {
            JsonNode before = findings.get(i - 1);
            JsonNode after = findings.get(i);
            int bySeverity = Integer.compare(order.indexOf(before.get("severity").asText()),
                    order.indexOf(after.get("severity").asText()));
            assertThat(bySeverity <= 0).isTrue();
            if (bySeverity == 0) {
                assertThat(before.get("ruleId").asText().compareTo(after.get("ruleId").asText())).isLessThanOrEqualTo(0);
            }
        }
    }

    static Stream<Arguments> badRequests() {
        String base = "\"initiative\":{\"kind\":\"OTHER_CHANGE\",\"organisationType\":\"COMPANY\"";
        String manyStakeholders = IntStream.range(0, 101).mapToObj(i -> "{\"department\":\"IT\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of("malformed JSON", "{" + base, 400, "initiative"),
                Arguments.of("trailing content", "{" + base + "}} {}", 400, "$"),
                Arguments.of("number for enum", "{\"initiative\":{\"kind\":0,\"organisationType\":\"COMPANY\"}}", 400, "initiative.kind"),
                Arguments.of("null stakeholder entry", "{" + base + "},\"stakeholders\":[null]}", 400, "stakeholders[0]"),
                Arguments.of("duplicate key", "{" + base + ",\"kind\":\"OTHER_CHANGE\"}}", 400, "initiative.kind"),
                Arguments.of("unknown field", "{" + base + ",\"colour\":\"red\"}}", 400, "initiative.colour"),
                Arguments.of("unknown enum value", "{" + base + ",\"resources\":\"HUGE\"}}", 400, "initiative.resources"),
                Arguments.of("number as string", "{" + base + ",\"leadTimeMonths\":\"18\"}}", 400, "initiative.leadTimeMonths"),
                Arguments.of("fraction for integer", "{" + base + ",\"leadTimeMonths\":1.5}}", 400, "initiative.leadTimeMonths"),
                Arguments.of("yes for boolean", "{" + base + ",\"businessCase\":\"yes\"}}", 400, "initiative.businessCase"),
                Arguments.of("number for boolean", "{" + base + ",\"businessCase\":1}}", 400, "initiative.businessCase"),
                Arguments.of("object for array", "{" + base + "},\"stakeholders\":{}}", 400, "stakeholders"),
                Arguments.of("missing required kind", "{\"initiative\":{\"organisationType\":\"COMPANY\"}}", 400, "initiative.kind"),
                Arguments.of("null required kind", "{\"initiative\":{\"kind\":null,\"organisationType\":\"COMPANY\"}}", 400, "initiative.kind"),
                Arguments.of("missing initiative", "{}", 400, "initiative"),
                Arguments.of("stakeholder without department", "{" + base + "},\"stakeholders\":[{\"name\":\"x\"}]}", 400, "stakeholders[0].department"),
                Arguments.of("lead time above 600", "{" + base + ",\"leadTimeMonths\":601}}", 400, "initiative.leadTimeMonths"),
                Arguments.of("negative lead time", "{" + base + ",\"leadTimeMonths\":-1}}", 400, "initiative.leadTimeMonths"),
                Arguments.of("name over 200 characters", "{" + base + ",\"name\":\"" + "x".repeat(201) + "\"}}", 400, "initiative.name"),
                Arguments.of("stakeholder name over 100", "{" + base + "},\"stakeholders\":[{\"department\":\"IT\",\"name\":\"" + "x".repeat(101) + "\"}]}", 400, "stakeholders[0].name"),
                Arguments.of("more than 100 stakeholders", "{" + base + "},\"stakeholders\":" + manyStakeholders + "}", 400, "stakeholders"),
                Arguments.of("unknown resistance", "{" + base + "},\"stakeholders\":[{\"department\":\"IT\",\"resistance\":[\"GRUMPY\"]}]}", 400, "stakeholders[0].resistance[0]"),
                Arguments.of("body too large", "{" + base + ",\"name\":\"" + "x".repeat(70_000) + "\"}}", 413, "$"));
    }

    @ParameterizedTest(name = "{0} is a {2} naming {3}")
    @MethodSource("badRequests")
    void badInputIsAProblemNamingTheField(String kind, String body, int status, String field) {
        Http.Response response = http.postJson("/api/v1/decisions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        Http.Response response = http.post("/api/v1/decisions", "text/plain", PLAN.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isNotBlank();
    }

    @Test
    void anUnknownDecisionIsA404Problem() {
        Http.Response response = http.get("/api/v1/decisions/01900000-0000-7000-8000-000000000000");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheStoredDecision() {
        Http.Response first = http.postJson("/api/v1/decisions", PLAN, "Idempotency-Key", "order-42");
        Http.Response retry = http.postJson("/api/v1/decisions", PLAN, "Idempotency-Key", "order-42");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).as("a replay creates nothing").isNull();
        assertThat(retry.header("Content-Location")).isEqualTo(first.header("Location"));
        Http.Response other = http.postJson("/api/v1/decisions", PLAN.replace("18", "19"), "Idempotency-Key", "order-42");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anOverlongIdempotencyKeyIsA400NamingTheHeader() {
        Http.Response response = http.postJson("/api/v1/decisions", PLAN, "Idempotency-Key", "k".repeat(201));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("Idempotency-Key");
    }

    @Test
    void aSearchParameterOfTheWrongTypeIsA400NamingIt() {
        Http.Response response = http.get("/api/v1/decisions?limit=ten");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("limit");
    }

    @Test
    void replayOnTheActiveRulesetOfAFreshDecisionIsIdentical() {
        String id = http.postJson("/api/v1/decisions", PLAN).json().get("decisionId").asText();
        JsonNode replay = http.post("/api/v1/decisions/" + id + "/replay?ruleset=active", null, new byte[0]).json();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(http.post("/api/v1/decisions/" + id + "/replay?ruleset=sha256:0000", null, new byte[0]).status())
                .isEqualTo(404);
    }

    @Test
    void theRulesEndpointListsEveryRuleWithItsMetadataAndNeeds() {
        JsonNode rules = http.get("/api/v1/rules").json();
        assertThat(rules.get("version").asText()).startsWith("sha256:");
        assertThat(rules.get("rules").findValuesAsString("id")).contains("MIG-FO-BACKOFFICE-LAG", "VERDICT-READY",
                "DERIVE-SHORT-LEAD-TIME");
        JsonNode lag = java.util.stream.StreamSupport.stream(rules.get("rules").spliterator(), false)
                .filter(rule -> rule.get("id").asText().equals("MIG-FO-BACKOFFICE-LAG")).findFirst().orElseThrow();
        assertThat(lag.get("severity").asText()).isEqualTo("HIGH");
        assertThat(lag.get("file").asText()).isEqualTo("rules/migration/design-strategy.drl");
        assertThat(java.util.stream.StreamSupport.stream(lag.get("needs").spliterator(), false)
                .map(JsonNode::stringValue).toList())
                .containsExactlyInAnyOrder("designStrategy", "designStrategy.startingPoint", "preconditions.backOfficeInOrder");
    }

    @Test
    void theChainVerifiesAndDecisionsAreSearchableByRule() {
        // Two of its own, so that there is a next page whatever the other tests stored (all older).
        String older = http.postJson("/api/v1/decisions", PLAN).json().get("decisionId").asText();
        String newer = http.postJson("/api/v1/decisions", PLAN).json().get("decisionId").asText();
        JsonNode verify = http.get("/api/v1/audit/verify").json();
        assertThat(verify.get("valid").asBoolean()).isTrue();
        JsonNode page = http.get("/api/v1/decisions?ruleId=MIG-FO-BACKOFFICE-LAG&limit=1").json();
        assertThat(page.get("items").findValuesAsString("decisionId")).containsExactly(newer);
        String cursor = page.get("nextCursor").asText();
        JsonNode next = http.get("/api/v1/decisions?ruleId=MIG-FO-BACKOFFICE-LAG&limit=1&cursor=" + cursor).json();
        assertThat(next.get("items").findValuesAsString("decisionId")).containsExactly(older);
        assertThat(http.get("/api/v1/decisions?verdict=MAYBE").status()).isEqualTo(400);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioReplaysIdenticallyOnItsOwnRuleset() {
        Path cases = Path.of("test-cases");
        return ScenarioFiles.list(cases).stream().map(file -> DynamicTest.dynamicTest(
                ScenarioFiles.displayName(cases, file), () -> {
                    byte[] request = ScenarioFiles.read(cases, file).requestJson();
                    Http.Response created = http.post("/api/v1/decisions", "application/json", request);
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    String id = created.json().get("decisionId").asText();
                    JsonNode replay = http.post("/api/v1/decisions/" + id + "/replay", null, new byte[0]).json();
                    assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
                }));
    }
}
