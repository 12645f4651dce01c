package nl.draagvlak.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.draagvlak.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * One service node: the packaged jar as a process of its own, in a working folder of its own, with
 * its own rules folder and compile cache, on the PostgreSQL schema the nodes of a test share.
 */
final class Node implements AutoCloseable {

    /**
     * How long a node waits for an announcement before it looks at the store anyway, in these tests:
     * longer than a test runs, so a node that switches was told by NOTIFY.
     */
    static final String POLL_INTERVAL = "10m";

    final String name;
    final Path rules;
    private final String jdbcUrl;
    private final Path home;
    private final int port;
    private final File log;
    private Process process;
    final RestTestClient client;

    private Node(String name, String jdbcUrl, Path rules) throws IOException {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.rules = rules;
        this.home = Files.createTempDirectory("draagvlak-node-" + name);
        this.port = freePort();
        this.log = home.resolve("node.log").toFile();
        this.client = TestUsers.restClient(port);
    }

    /** Starts a node; {@link #awaitUp} waits until it answers. */
    static Node start(String name, String jdbcUrl, Path rules) throws IOException {
        Node node = new Node(name, jdbcUrl, rules);
        node.launch();
        return node;
    }

    void launch() throws IOException {
        Path jar = Path.of("target", "draagvlak.jar").toAbsolutePath();
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar.toString(),
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                "--server.port=" + port, "--draagvlak.rules.dir=" + rules.toAbsolutePath(),
                "--draagvlak.rules.cases-dir=" + Path.of("test-cases").toAbsolutePath(),
                "--draagvlak.rules.cache-dir=" + home.resolve("ruleset-cache"),
                "--draagvlak.rules.reload-interval=250ms", "--draagvlak.rules.quiet-period=250ms",
                "--draagvlak.cluster.poll-interval=" + POLL_INTERVAL));
        command.addAll(TestUsers.jarArguments());
        process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    void awaitUp() throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + 420_000; // generous: JVM starts took 60-180 s on the shared machine
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " stopped; its log:\n" + tail());
            }
            try {
                if (client.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                        .getStatus().value() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node " + name + " did not start within 420 s; its log:\n" + tail());
    }

    /** The status of the gate on this node: the active version and since when it serves it. */
    JsonNode status() {
        return client.get().uri("/api/v1/rulesets/status").exchange().returnResult(JsonNode.class).getResponseBody();
    }

    String version() {
        return status().get("active").get("version").asText();
    }

    Instant servingSince() {
        return Instant.parse(status().get("active").get("servingSince").asText());
    }

    int readiness() {
        return client.get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value();
    }

    record Answer(int status, JsonNode body) {
    }

    /** One decision: the HTTP status and body. */
    Answer decide(String request) {
        var result = client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(request)
                .exchange().returnResult(JsonNode.class);
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    int find(String decisionId) {
        return client.get().uri("/api/v1/decisions/" + decisionId).exchange().returnResult(String.class)
                .getStatus().value();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            kill();
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log.toPath());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
