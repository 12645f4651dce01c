package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import nl.draagvlak.support.Http;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Verifying the chain over HTTP: now, since a head, and as a job. The real server, the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditVerificationApiIntegrationTests {

    @LocalServerPort
    int port;
    Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aVerificationJobIsAcceptedWithItsLocationAndEndsWithTheResult() {
        decide();
        Http.Response accepted = http.post("/api/v1/audit/verifications", null, new byte[0]);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/audit/verifications/" + id);
        assertThat(accepted.json().get("state").asText()).isEqualTo("QUEUED");

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get(accepted.header("Location")).json(),
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
        Http.Response response = http.get("/api/v1/audit/verifications/no-such-job");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void sinceAKeptHeadOnlyTheDecisionsAfterItAreChecked() {
        decide();
        JsonNode head = http.get("/api/v1/audit/verify").json().get("head");
        decide();
        decide();
        JsonNode result = http.get("/api/v1/audit/verify?since=" + head(head)).json();
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("checked").asLong()).isEqualTo(2);
        assertThat(result.get("since")).isEqualTo(head);
        assertThat(result.get("head").get("sequence").asLong()).isEqualTo(head.get("sequence").asLong() + 2);
    }

    @Test
    void sinceTheLastSignedOffHeadOnlyTheDecisionsAfterItAreChecked() {
        decide();
        JsonNode signedOff = http.get("/api/v1/audit/verify").json().get("head");
        decide();
        JsonNode result = http.get("/api/v1/audit/verify?since=last-signed-off").json();
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("checked").asLong()).isEqualTo(1);
        assertThat(result.get("since")).isEqualTo(signedOff);
    }

    @Test
    void aSinceThatIsNoHeadOfThisChainIsA409NamingSince() {
        decide();
        long sequence = http.get("/api/v1/audit/verify").json().get("head").get("sequence").asLong();
        Http.Response response = http.get("/api/v1/audit/verify?since=" + sequence + ":" + "0".repeat(64));
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/unknown-head");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("since");
    }

    @Test
    void aMalformedSinceIsA400NamingSince() {
        Http.Response response = http.get("/api/v1/audit/verify?since=yesterday");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("since");
    }

    private void decide() {
        assertThat(http.postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(201);
    }

    private static String head(JsonNode head) {
        return head.get("sequence").asLong() + ":" + head.get("hash").asText();
    }
}
