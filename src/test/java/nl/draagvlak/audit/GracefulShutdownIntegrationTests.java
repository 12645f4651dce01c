package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.Service;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * A stop first turns readiness to refusing traffic, then lets the decisions in flight finish: one
 * that waits for its commit when the stop begins gets its 201, and its record is in the store.
 */
class GracefulShutdownIntegrationTests {

    @Test
    void aDecisionInFlightWhenTheServiceStopsGetsItsAnswerAndIsStored() throws Exception {
        String store = TestDatabases.h2Url();
        Service service = Service.start("spring.datasource.url=" + store, "draagvlak.rules.reload-interval=0s",
                "draagvlak.audit.wait-limit=60s");
        GroupCommitWriter writer = service.bean(GroupCommitWriter.class);
        ApplicationAvailability availability = service.bean(ApplicationAvailability.class);
        CompletableFuture<Void> stopping;
        CompletableFuture<EntityExchangeResult<JsonNode>> inFlight;
        try (WriterHold hold = WriterHold.of(writer)) {
            inFlight = CompletableFuture.supplyAsync(() -> TestUsers.restClient(service.port()).post()
                    .uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN)
                    .exchange().returnResult(JsonNode.class));
            await().atMost(Duration.ofMinutes(1)).until(() -> writer.queued() == 1);

            stopping = CompletableFuture.runAsync(service::close);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
            assertThat(inFlight).as("the decision waits for its commit").isNotDone();
        }

        EntityExchangeResult<JsonNode> answer = inFlight.get(1, TimeUnit.MINUTES);
        assertThat(answer.getStatus().value()).isEqualTo(201);
        stopping.get(1, TimeUnit.MINUTES);
        assertThat(storedDecisions(store, answer.getResponseBody().get("decisionId").asString())).isEqualTo(1);
    }

    private static int storedDecisions(String url, String decisionId) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM audit_record WHERE decision_id = ?")) {
            select.setString(1, decisionId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
