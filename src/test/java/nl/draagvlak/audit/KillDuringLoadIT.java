package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.JsonNode;

/**
 * Nothing accepted is ever lost: the packaged service is killed with SIGKILL under concurrent
 * load; after a restart every decision a client got a 201 for is in the store, and the chain
 * verifies. Runs in Maven's verify phase, against the jar that phase built.
 */
class KillDuringLoadIT {

    static Stream<Arguments> stores() {
        List<Arguments> stores = new ArrayList<>();
        stores.add(Arguments.of("embedded H2", TestDatabases.h2Url()));
        if (System.getenv(TestDatabases.ENV) != null) {
            stores.add(Arguments.of("PostgreSQL", TestDatabases.postgresUrl()));
        } else {
            System.out.println("Kill test on PostgreSQL skipped: " + TestDatabases.ENV + " is not set");
        }
        return stores.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyAcknowledgedDecisionSurvivesAKill(String store, String jdbcUrl) throws Exception {
        int port = freePort();
        Process service = start(port, jdbcUrl);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            RestTestClient http = TestUsers.restClient(port);
            awaitUp(http, service);
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> {
                    while (loading.get()) {
                        try {
                            EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
                            if (response.getStatus().value() == 201) {
                                acknowledged.add(response.getResponseBody().get("decisionId").asText());
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            // At least 3 s of load, and on a busy machine until some decision was acknowledged.
            await().pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).atMost(Duration.ofMinutes(1))
                    .until(() -> !acknowledged.isEmpty());
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            loading.set(false);
            clients.shutdown();
            clients.awaitTermination(10, TimeUnit.SECONDS);
        } finally {
            service.destroyForcibly();
        }
        assertThat(acknowledged).as("decisions acknowledged before the kill").isNotEmpty();

        Process restarted = start(port, jdbcUrl);
        try {
            RestTestClient http = TestUsers.restClient(port);
            awaitUp(http, restarted);
            for (String id : acknowledged) {
                assertThat(http.get().uri("/api/v1/decisions/" + id).exchange().returnResult().getStatus().value()).as("decision " + id).isEqualTo(200);
            }
            EntityExchangeResult<JsonNode> verify = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class);
            assertThat(verify.getResponseBody().get("valid").asBoolean()).as(verify.toString()).isTrue();
            assertThat(verify.getResponseBody().get("checked").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
            System.out.println("Kill test (" + store + "): " + acknowledged.size()
                    + " acknowledged decisions, all present after restart; chain of "
                    + verify.getResponseBody().get("checked").asLong() + " records verifies");
        } finally {
            restarted.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(int port, String jdbcUrl) throws IOException {
        Path jar = Path.of("target", "draagvlak.jar");
        assertThat(jar).exists();
        File log = Files.createTempFile("draagvlak-kill-test", ".log").toFile();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--draagvlak.rules.reload-interval=0s"));
        command.addAll(TestUsers.jarArguments());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitUp(RestTestClient http, Process process) {
        // generous: the machine may be shared; a refused connection means not listening yet
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .failFast("service process is alive", () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(ResourceAccessException.class)
                .until(() -> http.get().uri("/api/v1/rules").exchange().returnResult().getStatus().value() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
