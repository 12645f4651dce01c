package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Verifying the chain over HTTP: now, since a head, and as a job. The real server, the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditVerificationApiIntegrationTests {

    @LocalServerPort
    int port;
    RestTestClient http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
    }

    @BeforeEach
    void client() {
        http = TestUsers.restClient(port);
    }

    @Test
    void aVerificationJobIsAcceptedWithItsLocationAndEndsWithTheResult() {
        decide();
        EntityExchangeResult<JsonNode> accepted = http.post().uri("/api/v1/audit/verifications").exchange().returnResult(JsonNode.class);
        assertThat(accepted.getStatus().value()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.getResponseBody().get("id").asText();
        assertThat(accepted.getResponseHeaders().getFirst("Location")).isEqualTo("/api/v1/audit/verifications/" + id);
        assertThat(accepted.getResponseBody().get("state").asText()).isEqualTo("QUEUED");

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get().uri(accepted.getResponseHeaders().getFirst("Location")).exchange().returnResult(JsonNode.class).getResponseBody(),
                        job -> !job.get("state").asText().matches("QUEUED|RUNNING"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("checked").asLong()).isPositive().isEqualTo(done.get("total").asLong());
        assertThat(done.get("result").get("valid").asBoolean()).isTrue();
        assertThat(done.get("result").get("checked").asLong()).isEqualTo(done.get("checked").asLong());
        assertThat(done.get("failure").isNull()).isTrue();
        assertThat(done.get("finishedAt").asText()).isNotBlank();
    }

    @Test
    void anUnknownVerificationIsA404Problem() {
        EntityExchangeResult<JsonNode> response = http.get().uri("/api/v1/audit/verifications/no-such-job").exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).isEqualTo(404);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void sinceAKeptHeadOnlyTheDecisionsAfterItAreChecked() {
        decide();
        JsonNode head = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody().get("head");
        decide();
        decide();
        JsonNode result = http.get().uri("/api/v1/audit/verify?since=" + head(head)).exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("checked").asLong()).isEqualTo(2);
        assertThat(result.get("since")).isEqualTo(head);
        assertThat(result.get("head").get("sequence").asLong()).isEqualTo(head.get("sequence").asLong() + 2);
    }

    @Test
    void sinceTheLastSignedOffHeadOnlyTheDecisionsAfterItAreChecked() {
        decide();
        JsonNode signedOff = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody().get("head");
        decide();
        JsonNode result = http.get().uri("/api/v1/audit/verify?since=last-signed-off").exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("checked").asLong()).isEqualTo(1);
        assertThat(result.get("since")).isEqualTo(signedOff);
    }

    @Test
    void aSinceThatIsNoHeadOfThisChainIsA409NamingSince() {
        decide();
        long sequence = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody().get("head").get("sequence").asLong();
        EntityExchangeResult<JsonNode> response = http.get().uri("/api/v1/audit/verify?since=" + sequence + ":" + "0".repeat(64)).exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).as(response.toString()).isEqualTo(409);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(response.getResponseBody().get("type").asText()).endsWith("/unknown-head");
        assertThat(response.getResponseBody().get("errors").findValuesAsString("field")).containsExactly("since");
    }

    @Test
    void aMalformedSinceIsA400NamingSince() {
        EntityExchangeResult<JsonNode> response = http.get().uri("/api/v1/audit/verify?since=yesterday").exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).isEqualTo(400);
        assertThat(response.getResponseBody().get("errors").findValuesAsString("field")).containsExactly("since");
    }

    private void decide() {
        assertThat(http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(201);
    }

    private static String head(JsonNode head) {
        return head.get("sequence").asLong() + ":" + head.get("hash").asText();
    }
}
