package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;

import nl.draagvlak.support.Http;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Past the bound on decisions in progress a decision is refused at once with a 503 and Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverloadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DecisionAdmission admission;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
        registry.add("draagvlak.decisions.max-in-flight", () -> "3");
        registry.add("draagvlak.decisions.retry-after", () -> "2s");
    }

    @Test
    void withEveryPlaceTakenADecisionIsA503WithRetryAfterAndWithOneFreeItIsMade() {
        Http http = new Http(port);
        assertThat(admission.available()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            admission.enter(); // three decisions in progress
        }
        try {
            Http.Response refused = http.postJson("/api/v1/decisions", Requests.PLAN);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("/overloaded");
            assertThat(http.get("/api/v1/decisions?limit=5").json().get("items")).isEmpty();
        } finally {
            admission.leave();
        }
        assertThat(http.postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(201);
        assertThat(admission.available()).as("a finished decision gives its place back").isEqualTo(1);
        admission.leave();
        admission.leave();
    }

    @Test
    void aRefusedOrFailedDecisionGivesItsPlaceBack() {
        Http http = new Http(port);
        int before = admission.available();
        assertThat(http.postJson("/api/v1/decisions", "{\"initiative\":{}}").status()).isEqualTo(400);
        assertThat(admission.available()).isEqualTo(before);
    }
}
