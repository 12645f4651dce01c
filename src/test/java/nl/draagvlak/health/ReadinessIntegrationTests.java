package nl.draagvlak.health;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import nl.draagvlak.support.RequiresPostgres;
import nl.draagvlak.support.TcpProxy;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Readiness follows the audit store: DOWN while it is unreachable, UP again once it is back; liveness stays UP. */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessIntegrationTests {

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
        registry.add("draagvlak.audit.wait-limit", () -> "2s");
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
    }

    @AfterAll
    static void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void readinessIsDownWhileTheStoreIsUnreachableAndUpAgainAfter() throws IOException {
        RestTestClient anonymous = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        probe(anonymous, "/actuator/health/readiness", 200, "UP");

        proxy.cut();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                probe(anonymous, "/actuator/health/readiness", 503, "DOWN"));
        probe(anonymous, "/actuator/health/liveness", 200, "UP");

        proxy.restore();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                probe(anonymous, "/actuator/health/readiness", 200, "UP"));
    }

    private static void probe(RestTestClient client, String path, int status, String body) {
        client.get().uri(path).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).isEqualTo("{\"status\":\"" + body + "\"}");
    }
}
