package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.RequiresPostgres;
import nl.draagvlak.support.TcpProxy;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Fail closed: with PostgreSQL unreachable (a proxy in front of it is cut; the server itself keeps
 * running) every decision request gets a 503 with {@code Retry-After} and none a 201, and so does
 * a read; when it is back the service recovers by itself. (A store that answers but fails for a
 * reason no retry fixes is a 500 instead: {@link BrokenSchemaIntegrationTests}.)
 */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresStoreDownIntegrationTests {

    private static TcpProxy proxy;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void storeBehindProxy(DynamicPropertyRegistry registry) throws IOException {
        String direct = TestDatabases.postgresUrl();
        URI uri = URI.create(direct.substring("jdbc:".length()));
        proxy = new TcpProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        String viaProxy = direct.replaceFirst("//" + uri.getHost() + "(:\\d+)?/", "//127.0.0.1:" + proxy.port() + "/");
        registry.add("spring.datasource.url", () -> viaProxy);
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        registry.add("draagvlak.audit.wait-limit", () -> "3s");
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
    }

    @AfterAll
    static void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void withTheStoreUnreachableEveryDecisionIsRefusedAndTheServiceRecoversWhenItReturns() throws Exception {
        RestTestClient http = TestUsers.restClient(port);
        assertThat(http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(201);

        proxy.cut();
        for (int i = 0; i < 5; i++) {
            EntityExchangeResult<JsonNode> refused = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
            assertThat(refused.getStatus().value()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.getResponseHeaders().getFirst("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
            assertThat(refused.getResponseBody().get("type").asText()).endsWith("/audit-unavailable");
            assertThat(refused.getResponseBody().get("requestId").asText()).isEqualTo(refused.getResponseHeaders().getFirst("X-Request-Id"));
        }
        EntityExchangeResult<String> unreadable = http.get().uri("/api/v1/audit/verify").exchange().returnResult(String.class);
        assertThat(unreadable.getStatus().value()).as(unreadable.getResponseBody()).isEqualTo(503);
        assertThat(unreadable.getResponseHeaders().getFirst("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");

        proxy.restore();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> http.post().uri("/api/v1/decisions")
                .contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value() == 201);
        EntityExchangeResult<JsonNode> verify = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class);
        assertThat(verify.getResponseBody().get("valid").asBoolean()).isTrue();
        // two decisions and the activation of the ruleset at start
        assertThat(verify.getResponseBody().get("checked").asLong()).isEqualTo(3);
    }
}
