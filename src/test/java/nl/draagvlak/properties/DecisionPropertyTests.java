package nl.draagvlak.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.draagvlak.DraagvlakApplication;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties of the decision API over generated requests ({@link ValidRequests}), against the real
 * service: any valid request is decided (201) with exactly one verdict; the same request gets the
 * same findings; a valid request made invalid in one place is a 400 naming that place.
 */
class DecisionPropertyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext service;
    private static RestTestClient http;

    @BeforeContainer
    static void startService() {
        service = new SpringApplicationBuilder(DraagvlakApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabases.h2Url(), "--draagvlak.rules.reload-interval=0s");
        http = TestUsers.restClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> validRequests() {
        return ValidRequests.requests();
    }

    @Property(tries = 60)
    void anyValidRequestIsDecidedWithExactlyOneVerdict(@ForAll("validRequests") Map<String, Object> request) {
        EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(request)).exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).as(response.toString()).isEqualTo(201);
        JsonNode decision = response.getResponseBody();
        assertThat(decision.get("verdict").asText())
                .isIn(java.util.Arrays.stream(nl.draagvlak.model.Verdict.values()).map(Enum::name).toList());
        List<String> verdictRules = new ArrayList<>();
        decision.get("trace").forEach(entry -> {
            if (entry.get("ruleId").asText().startsWith("VERDICT-")) {
                verdictRules.add(entry.get("ruleId").asText());
            }
        });
        assertThat(verdictRules).as("verdict rules in the trace").hasSize(1);
    }

    @Property(tries = 30)
    void theSameRequestGetsTheSameFindings(@ForAll("validRequests") Map<String, Object> request) {
        String body = JSON.writeValueAsString(request);
        JsonNode first = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(body).exchange().returnResult(JsonNode.class).getResponseBody();
        JsonNode second = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(body).exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(second.get("findings")).isEqualTo(first.get("findings"));
        assertThat(second.get("notAssessed")).isEqualTo(first.get("notAssessed"));
        assertThat(second.get("verdict")).isEqualTo(first.get("verdict"));
    }

    /** One way to make a valid request invalid, and the field the 400 must name. */
    record Mutation(String name, String field, Function<Map<String, Object>, Map<String, Object>> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(
                new Mutation("unknown top-level field", "colour", r -> with(r, "colour", "red")),
                new Mutation("unknown initiative field", "initiative.colour", r -> withIn(r, "initiative", "colour", "red")),
                new Mutation("unknown kind", "initiative.kind", r -> withIn(r, "initiative", "kind", "NOPE")),
                new Mutation("kind as a number", "initiative.kind", r -> withIn(r, "initiative", "kind", 3)),
                new Mutation("no organisation type", "initiative.organisationType", r -> withoutIn(r, "initiative", "organisationType")),
                new Mutation("lead time as a string", "initiative.leadTimeMonths", r -> withIn(r, "initiative", "leadTimeMonths", "18")),
                new Mutation("lead time above 600", "initiative.leadTimeMonths", r -> withIn(r, "initiative", "leadTimeMonths", 601)),
                new Mutation("lead time a fraction", "initiative.leadTimeMonths", r -> withIn(r, "initiative", "leadTimeMonths", 1.5)),
                new Mutation("name over 200 characters", "initiative.name", r -> withIn(r, "initiative", "name", "n".repeat(201))),
                new Mutation("a boolean as yes", "preconditions.backOfficeInOrder",
                        r -> withIn(r, "preconditions", "backOfficeInOrder", "yes")),
                new Mutation("stakeholders an object", "stakeholders", r -> with(r, "stakeholders", Map.of())),
                new Mutation("stakeholder without department", "stakeholders[0].department",
                        r -> with(r, "stakeholders", List.of(Map.of("name", "x")))));
    }

    @Property(tries = 60)
    void aValidRequestMadeInvalidInOnePlaceIsA400NamingIt(@ForAll("validRequests") Map<String, Object> request,
                                                          @ForAll("mutations") Mutation mutation) {
        EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(mutation.apply().apply(request))).exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).as(response.toString()).isEqualTo(400);
        assertThat(response.getResponseBody().get("errors").findValuesAsString("field")).contains(mutation.field());
    }

    private static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(request);
        changed.put(field, value);
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withIn(Map<String, Object> request, String object, String field, Object value) {
        Map<String, Object> inner = new LinkedHashMap<>(request.get(object) instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of());
        inner.put(field, value);
        return with(request, object, inner);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutIn(Map<String, Object> request, String object, String field) {
        Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) request.get(object));
        inner.remove(field);
        return with(request, object, inner);
    }
}
