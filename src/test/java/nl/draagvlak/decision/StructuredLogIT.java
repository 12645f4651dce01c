package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code logging.structured.format.console=ecs} every log line is one JSON object, and each
 * line written for a decision request names the request, the caller and, once made, the decision.
 * The service runs as its own process (the jar of the verify phase): Boot sets up logging once per
 * JVM, so a service started inside a test JVM that already logs would keep the plain format.
 */
class StructuredLogIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aStructuredLineOfADecisionRequestNamesTheRequestTheDecisionAndTheCaller() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("draagvlak-structured-log", ".log");
        Process service = start(port, log, "--logging.structured.format.console=ecs",
                "--logging.level.nl.draagvlak.decision=debug");
        try {
            RestTestClient client = TestUsers.restClient(port);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> service.isAlive() && client.get().uri("/actuator/health/readiness").exchange()
                            .returnResult(String.class).getStatus().value() == 200);
            String decisionId = client.post().uri("/api/v1/decisions").header("X-Request-Id", "structured-log-1")
                    .contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange()
                    .expectStatus().isCreated()
                    .returnResult(JsonNode.class).getResponseBody().get("decisionId").asString();

            JsonNode answered = await().atMost(Duration.ofSeconds(30)).until(() -> answeredLine(log),
                    Optional::isPresent).orElseThrow();
            assertThat(answered.path("requestId").asString(null)).isEqualTo("structured-log-1");
            assertThat(answered.path("decisionId").asString(null)).isEqualTo(decisionId);
            assertThat(answered.path("caller").asString(null)).isEqualTo(TestUsers.ALL.name());
            assertThat(answered.path("log").path("level").asString(null)).isEqualTo("DEBUG");
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The decision controller's line for the request, read as JSON; every line of the log is JSON. */
    private static Optional<JsonNode> answeredLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{")).toList();
        return lines.stream().map(JSON::readTree)
                .filter(line -> line.path("message").asString("").startsWith("Answered decision"))
                .filter(line -> "structured-log-1".equals(line.path("requestId").asString(null)))
                .findFirst();
    }

    private static Process start(int port, Path log, String... settings) throws IOException {
        Path jar = Path.of("target", "draagvlak.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + TestDatabases.h2Url(), "--draagvlak.rules.reload-interval=0s"));
        command.addAll(TestUsers.jarArguments());
        command.addAll(List.of(settings));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
