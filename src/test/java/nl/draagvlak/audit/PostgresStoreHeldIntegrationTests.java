package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.draagvlak.support.HoldingTcpProxy;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.RequiresPostgres;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * No ghost decisions: PostgreSQL stops answering (a proxy in front of it holds the traffic without
 * cutting it) for longer than a request waits. A plain 503 means no record: resent with its
 * Idempotency-Key it gets a new decision, 201. Only the batch whose commit was sent when the hold
 * began is in doubt (the outcome-unknown 503): resent, it gets the stored decision, 200, if the
 * commit went through, or a new one, 201, if not. Every decision stored was answered 201 once.
 */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresStoreHeldIntegrationTests {

    private static final String PROBLEMS = "https://draagvlak.nl/problems/";
    private static String direct;
    private static HoldingTcpProxy proxy;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void storeBehindProxy(DynamicPropertyRegistry registry) throws IOException {
        direct = TestDatabases.postgresUrl();
        URI uri = URI.create(direct.substring("jdbc:".length()));
        proxy = new HoldingTcpProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        String viaProxy = direct.replaceFirst("//" + uri.getHost() + "(:\\d+)?/", "//127.0.0.1:" + proxy.port() + "/");
        registry.add("spring.datasource.url", () -> viaProxy);
        // Every read of the pool gives up after 3 s without an answer, the writer's too.
        registry.add("spring.datasource.hikari.data-source-properties.socketTimeout", () -> "3");
        // Statements go by their text, never by the name of a server-prepared one: the proxy sees each COMMIT.
        registry.add("spring.datasource.hikari.data-source-properties.prepareThreshold", () -> "0");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "500");
        registry.add("draagvlak.audit.wait-limit", () -> "2s");
        registry.add("draagvlak.audit.store-timeout", () -> "3s");
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
    }

    @AfterEach
    void letGo() {
        proxy.release();
    }

    @AfterAll
    static void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** One request as sent, and what it got. */
    private record Sent(String key, int status, String problemType) {
        boolean plainRefusal() {
            return status == 503 && (PROBLEMS + "audit-unavailable").equals(problemType);
        }

        boolean inDoubt() {
            return status == 503 && (PROBLEMS + "audit-outcome-unknown").equals(problemType);
        }
    }

    @Test
    void aCommitHeldPastTheStoreTimeoutIsTheOneBatchInDoubtAndEveryRetryWithItsKeySettlesIt() throws Exception {
        RestTestClient http = TestUsers.restClient(port);
        // Every caller gets through before the hold: the pool has its connections (again).
        await().atMost(Duration.ofMinutes(1)).until(() -> sendAtOnce(http, 8).stream().allMatch(s -> s.status() == 201));
        long before = storedDecisions();

        proxy.holdWhenClientSends("COMMIT");
        List<Sent> sent = sendAtOnce(http, 8);
        assertThat(proxy.isHeld()).as("a commit was held").isTrue();
        proxy.release();

        assertThat(sent).as("nothing commits while the store does not answer").noneMatch(s -> s.status() == 201);
        assertThat(sent).allMatch(s -> s.plainRefusal() || s.inDoubt());
        List<Sent> inDoubt = sent.stream().filter(Sent::inDoubt).toList();
        assertThat(inDoubt).as("the batch whose commit was held").isNotEmpty();

        Map<String, Integer> retried = resend(http, sent);
        sent.stream().filter(Sent::plainRefusal)
                .forEach(s -> assertThat(retried.get(s.key())).as("retry of plain 503 " + s.key()).isEqualTo(201));
        // The held commit reached the server when the hold ended, so the batch in doubt was stored.
        inDoubt.forEach(s -> assertThat(retried.get(s.key())).as("retry of " + s.key()).isEqualTo(200));
        List<Long> sequences = sequencesOf(inDoubt);
        assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).as("one batch: consecutive sequences")
                .isEqualTo(sequences.size() - 1);
        assertThat(storedDecisions() - before).isEqualTo(sent.size());
        assertThat(http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aHoldPastTheWaitStoresNoDecisionThatWasRefused() throws Exception {
        RestTestClient http = TestUsers.restClient(port);
        await().atMost(Duration.ofMinutes(1)).until(() -> sendAtOnce(http, 3).stream().allMatch(s -> s.status() == 201));
        long before = storedDecisions();

        // Three callers send decisions one after another; the store stops answering for longer than
        // a request waits (2 s) and than the writer waits for an answer (3 s), then answers again.
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            callers.submit(() -> {
                while (sending.get()) {
                    sent.add(send(http, "stream-" + UUID.randomUUID()));
                }
            });
        }
        Thread.sleep(1_000);
        proxy.hold();
        Thread.sleep(7_000);
        proxy.release();
        Thread.sleep(1_000);
        sending.set(false);
        callers.shutdown();
        assertThat(callers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        List<Sent> plain = sent.stream().filter(Sent::plainRefusal).toList();
        List<Sent> inDoubt = sent.stream().filter(Sent::inDoubt).toList();
        assertThat(plain).as("requests refused during the hold").isNotEmpty();
        assertThat(sent).allMatch(s -> s.status() == 201 || s.plainRefusal() || s.inDoubt());
        Map<String, Integer> retried = resend(http, sent);
        plain.forEach(s -> assertThat(retried.get(s.key())).as("retry of plain 503 " + s.key()).isEqualTo(201));
        assertThat(inDoubt).as("at most the one batch that was sent when the hold began (three callers)")
                .hasSizeLessThanOrEqualTo(3);
        assertThat(inDoubt.stream().map(s -> retried.get(s.key())).distinct().count())
                .as("a batch commits whole or not at all").isLessThanOrEqualTo(1);
        assertThat(storedDecisions() - before).as("one stored decision per request, once it was resent")
                .isEqualTo(sent.size());
        assertThat(http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody().get("valid").asBoolean()).isTrue();
    }

    private static List<Sent> sendAtOnce(RestTestClient http, int count) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<Future<Sent>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = "held-" + UUID.randomUUID();
                pending.add(callers.submit(() -> send(http, key)));
            }
            List<Sent> sent = new ArrayList<>();
            for (Future<Sent> one : pending) {
                sent.add(one.get(2, TimeUnit.MINUTES));
            }
            return sent;
        } finally {
            callers.shutdownNow();
        }
    }

    private static Sent send(RestTestClient http, String key) {
        EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
        String type = response.getStatus().value() == 503 ? response.getResponseBody().path("type").asText() : null;
        return new Sent(key, response.getStatus().value(), type);
    }

    /** Resends every refused request with its key, once the store answers again; the final status of each. */
    private static Map<String, Integer> resend(RestTestClient http, List<Sent> sent) {
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        for (Sent refused : sent.stream().filter(s -> s.status() == 503).toList()) {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> {
                int status = send(http, refused.key()).status();
                statuses.put(refused.key(), status);
                return status != 503;
            });
        }
        return statuses;
    }

    /** Decisions stored, each key counted once (a key is never stored twice: the store holds that). */
    private static long storedDecisions() throws SQLException {
        try (Connection connection = DriverManager.getConnection(direct);
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM audit_record WHERE kind = 'DECISION'");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Long> sequencesOf(List<Sent> requests) throws SQLException {
        List<Long> sequences = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(direct);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT seq FROM audit_record WHERE idempotency_key = ?")) {
            for (Sent request : requests) {
                select.setString(1, request.key());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    sequences.add(row.getLong(1));
                }
            }
        }
        return sequences.stream().sorted().toList();
    }
}
