package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import nl.draagvlak.DraagvlakApplication;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.SmallDisk;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A full disk does not take the service down for good. The embedded store on a small filesystem
 * of its own: filled to the last byte, decisions are refused with a 503 problem and nothing is
 * stored; freed, the same running service decides and stores again, the store says it can write,
 * and the chain verifies with exactly the decisions that were answered 201.
 */
class FullDiskIntegrationTests {

    private static SmallDisk disk;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startOnASmallDisk() throws Exception {
        disk = SmallDisk.mount(16);
        // Started here rather than by @SpringBootTest, so that it is stopped before the disk is unmounted.
        service = new SpringApplicationBuilder(DraagvlakApplication.class).run("--server.port=0",
                "--draagvlak.rules.reload-interval=0s",
                "--spring.datasource.url=jdbc:h2:file:" + disk.root().resolve("audit")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @AfterAll
    static void stopAndUnmount() throws Exception {
        if (service != null) {
            service.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void decisionsAreRefusedWhileTheDiskIsFullAndStoredAgainOnceItIsFreedWithoutARestart() throws Exception {
        RestTestClient http = TestUsers.restClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
        StoreWritability store = service.getBean(StoreWritability.class);
        int answered = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(201);
            answered++;
        }
        assertThat(store.canWrite()).isTrue();

        disk.fill();
        // The database file may still hold free pages: decide until the store needs the disk.
        EntityExchangeResult<JsonNode> refused = null;
        for (int i = 0; i < 2_000 && refused == null; i++) {
            EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
            if (response.getStatus().value() == 201) {
                answered++;
            } else {
                refused = response;
            }
        }
        assertThat(refused).as("a decision refused once the disk is full").isNotNull();
        for (int i = 0; i < 5; i++) {
            assertRefusedWithAProblem(refused);
            refused = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
        }
        assertRefusedWithAProblem(refused);
        assertThat(store.canWrite()).as("canWrite with the disk full").isFalse();

        disk.free();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(store::canWrite);
        // The pool may still hold a connection from before; it is dropped when it fails.
        EntityExchangeResult<JsonNode> accepted = null;
        for (int i = 0; i < 20 && (accepted == null || accepted.getStatus().value() != 201); i++) {
            accepted = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
        }
        assertThat(accepted.getStatus().value()).as(accepted.toString()).isEqualTo(201);
        answered++;
        for (int i = 0; i < 5; i++) {
            EntityExchangeResult<String> again = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(String.class);
            assertThat(again.getStatus().value()).as(again.getResponseBody()).isEqualTo(201);
            answered++;
        }
        String id = accepted.getResponseBody().get("decisionId").asText();
        assertThat(http.get().uri("/api/v1/decisions/" + id).exchange().returnResult().getStatus().value()).isEqualTo(200);

        JsonNode verify = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("checked").asLong()).as("every 201, and no refused decision, is stored"
                + " (besides the activation of the ruleset at start)").isEqualTo(answered + 1);
    }

    private static void assertRefusedWithAProblem(EntityExchangeResult<JsonNode> refused) {
        assertThat(refused.getStatus().value()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(refused.getResponseBody().get("type").asText()).endsWith("/audit-unavailable");
    }
}
