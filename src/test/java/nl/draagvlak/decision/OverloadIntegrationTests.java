package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;

import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Past the bound on decisions in progress a decision is refused at once with a 503 and Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverloadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DecisionAdmission admission;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
        registry.add("draagvlak.decisions.max-in-flight", () -> "3");
        registry.add("draagvlak.decisions.retry-after", () -> "2s");
    }

    @Test
    void withEveryPlaceTakenADecisionIsA503WithRetryAfterAndWithOneFreeItIsMade() {
        RestTestClient http = TestUsers.restClient(port);
        assertThat(admission.available()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            admission.enter(); // three decisions in progress
        }
        try {
            EntityExchangeResult<JsonNode> refused = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
            assertThat(refused.getStatus().value()).isEqualTo(503);
            assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("2");
            assertThat(refused.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.getResponseBody().get("type").asText()).endsWith("/overloaded");
            assertThat(http.get().uri("/api/v1/decisions?limit=5").exchange().returnResult(JsonNode.class).getResponseBody().get("items")).isEmpty();
        } finally {
            admission.leave();
        }
        assertThat(http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(201);
        assertThat(admission.available()).as("a finished decision gives its place back").isEqualTo(1);
        admission.leave();
        admission.leave();
    }

    @Test
    void aRefusedOrFailedDecisionGivesItsPlaceBack() {
        RestTestClient http = TestUsers.restClient(port);
        int before = admission.available();
        assertThat(http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body("{\"initiative\":{}}").exchange().returnResult().getStatus().value()).isEqualTo(400);
        assertThat(admission.available()).isEqualTo(before);
    }
}
