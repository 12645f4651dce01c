package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The decision API as a caller sees it: the real server, the real rules, the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionApiIntegrationTests {

    static final String PLAN = Requests.PLAN;

    @LocalServerPort
    int port;
    RestTestClient http;

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
        http = TestUsers.restClient(port);
    }

    @Test
    void aDecisionIsCreatedWithItsLocationAndCanBeReadBackAsStored() {
        EntityExchangeResult<JsonNode> created = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange().returnResult(JsonNode.class);
        assertThat(created.getStatus().value()).isEqualTo(201);
        JsonNode decision = created.getResponseBody();
        String id = decision.get("decisionId").asText();
        assertThat(created.getResponseHeaders().getFirst("Location")).isEqualTo("/api/v1/decisions/" + id);
        assertThat(decision.get("verdict").asText()).isEqualTo("NOT_READY");
        assertThat(decision.get("ruleset").get("version").asText()).startsWith("sha256:");
        assertThat(decision.get("findings").findValuesAsString("ruleId"))
                .contains("MIG-FO-BACKOFFICE-LAG", "MIG-BACKOFFICE-NOT-IN-ORDER", "SUP-ONLY-INFORMED");
        assertThat(decision.get("trace").get(0).get("seq").asInt()).isEqualTo(1);

        EntityExchangeResult<JsonNode> stored = http.get().uri("/api/v1/decisions/" + id).exchange().returnResult(JsonNode.class);
        assertThat(stored.getStatus().value()).isEqualTo(200);
        assertThat(stored.getResponseBody().get("response")).isEqualTo(decision);
        assertThat(stored.getResponseBody().get("request").get("initiative").get("name").asText()).isEqualTo("Digital counter 2027");
        assertThat(stored.getResponseBody().get("trace").get(0).get("matched").get(0).get("values")).isNotNull();
    }

    @Test
    void findingsAreOrderedBySeverityThenRuleIdThenStakeholder() {
        JsonNode findings = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("findings");
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
        EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(body).exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).as(response.toString()).isEqualTo(status);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.getResponseBody();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        assertThat(new String(response.getResponseBodyContent(), StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.parseMediaType("text/plain")).body(PLAN.getBytes(StandardCharsets.UTF_8)).exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).isEqualTo(415);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(response.getResponseBody().get("type").asText()).isNotBlank();
    }

    @Test
    void anUnknownDecisionIsA404Problem() {
        EntityExchangeResult<JsonNode> response = http.get().uri("/api/v1/decisions/01900000-0000-7000-8000-000000000000").exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).isEqualTo(404);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheStoredDecision() {
        EntityExchangeResult<JsonNode> first = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-42").body(PLAN).exchange().returnResult(JsonNode.class);
        EntityExchangeResult<JsonNode> retry = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-42").body(PLAN).exchange().returnResult(JsonNode.class);
        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(retry.getStatus().value()).isEqualTo(200);
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(retry.getResponseHeaders().getFirst("Location")).as("a replay creates nothing").isNull();
        assertThat(retry.getResponseHeaders().getFirst("Content-Location")).isEqualTo(first.getResponseHeaders().getFirst("Location"));
        ExchangeResult other = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-42").body(PLAN.replace("18", "19")).exchange().returnResult();
        assertThat(other.getStatus().value()).isEqualTo(409);
        assertThat(other.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anOverlongIdempotencyKeyIsA400NamingTheHeader() {
        EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k".repeat(201)).body(PLAN).exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).isEqualTo(400);
        assertThat(response.getResponseBody().get("errors").findValuesAsString("field")).contains("Idempotency-Key");
    }

    @Test
    void aSearchParameterOfTheWrongTypeIsA400NamingIt() {
        EntityExchangeResult<JsonNode> response = http.get().uri("/api/v1/decisions?limit=ten").exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).isEqualTo(400);
        assertThat(response.getResponseBody().get("errors").findValuesAsString("field")).contains("limit");
    }

    @Test
    void replayOnTheActiveRulesetOfAFreshDecisionIsIdentical() {
        String id = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("decisionId").asText();
        JsonNode replay = http.post().uri("/api/v1/decisions/" + id + "/replay?ruleset=active").exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(http.post().uri("/api/v1/decisions/" + id + "/replay?ruleset=sha256:0000").exchange().returnResult().getStatus().value())
                .isEqualTo(404);
    }

    @Test
    void theRulesEndpointListsEveryRuleWithItsMetadataAndNeeds() {
        JsonNode rules = http.get().uri("/api/v1/rules").exchange().returnResult(JsonNode.class).getResponseBody();
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
        String older = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("decisionId").asText();
        String newer = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("decisionId").asText();
        JsonNode verify = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(verify.get("valid").asBoolean()).isTrue();
        JsonNode page = http.get().uri("/api/v1/decisions?ruleId=MIG-FO-BACKOFFICE-LAG&limit=1").exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(page.get("items").findValuesAsString("decisionId")).containsExactly(newer);
        String cursor = page.get("nextCursor").asText();
        JsonNode next = http.get().uri("/api/v1/decisions?ruleId=MIG-FO-BACKOFFICE-LAG&limit=1&cursor=" + cursor).exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(next.get("items").findValuesAsString("decisionId")).containsExactly(older);
        assertThat(http.get().uri("/api/v1/decisions?verdict=MAYBE").exchange().returnResult().getStatus().value()).isEqualTo(400);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioReplaysIdenticallyOnItsOwnRuleset() {
        Path cases = Path.of("test-cases");
        return ScenarioFiles.list(cases).stream().map(file -> DynamicTest.dynamicTest(
                ScenarioFiles.displayName(cases, file), () -> {
                    byte[] request = ScenarioFiles.read(cases, file).requestJson();
                    EntityExchangeResult<JsonNode> created = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(request).exchange().returnResult(JsonNode.class);
                    assertThat(created.getStatus().value()).as(created.toString()).isEqualTo(201);
                    String id = created.getResponseBody().get("decisionId").asText();
                    JsonNode replay = http.post().uri("/api/v1/decisions/" + id + "/replay").exchange().returnResult(JsonNode.class).getResponseBody();
                    assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
                }));
    }
}
