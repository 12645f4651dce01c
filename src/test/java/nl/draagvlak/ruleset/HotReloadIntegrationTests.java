package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.RuleEdits;
import nl.draagvlak.support.RuleFolders;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A policy owner edits the rules of the running service while callers keep deciding: changes
 * that pass the gate go live, the others never serve, and no request fails. Also measures how
 * long a change takes to serve, and decision latency while a candidate is judged against quiet time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotReloadIntegrationTests {

    private static final Path RULES = RuleFolders.copyOfProjectRules();
    private static final RuleEdits EDITS = new RuleEdits(RULES);

    @LocalServerPort
    int port;

    @Autowired
    RuleCounters counters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws java.io.IOException {
        Path cache = Files.createTempDirectory("draagvlak-ruleset-cache");
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.dir", RULES::toString);
        registry.add("draagvlak.rules.reload-interval", () -> "50ms");
        registry.add("draagvlak.rules.quiet-period", () -> "1s");
        registry.add("draagvlak.rules.cache-dir", cache::toString);
    }

    /** One decision as a caller saw it. */
    private record Call(long sentNanos, long receivedNanos, Instant sent, Instant received, int status,
                        String version) {
    }

    private record Change(String kind, String version, long writtenNanos, long judgedNanos, Instant judged) {
    }

    @Test
    void tenChangesUnderLoadFailNoRequestAndOnlyVersionsThatPassedServe() throws Exception {
        RestTestClient http = TestUsers.restClient(port);
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread client = new Thread(() -> {
                RestTestClient own = TestUsers.restClient(port);
                while (running.get()) {
                    long sentNanos = System.nanoTime();
                    Instant sent = Instant.now();
                    EntityExchangeResult<JsonNode> response = own.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class);
                    String version = response.getStatus().value() == 201 ? response.getResponseBody().get("ruleset").get("version").asText() : null;
                    calls.add(new Call(sentNanos, System.nanoTime(), sent, Instant.now(), response.getStatus().value(), version));
                }
            }, "load-" + i);
            client.start();
            clients.add(client);
        }
        Thread.sleep(3_000); // quiet load first, to compare latencies with
        List<Supplier<String>> steps = List.of(() -> EDITS.good(1), EDITS::broken, EDITS::failingScenarios,
                () -> EDITS.good(2), EDITS::lintRefuses, () -> EDITS.good(3), EDITS::broken, () -> EDITS.good(4),
                EDITS::failingScenarios, () -> EDITS.good(5));
        List<String> kinds = List.of("good", "broken", "failing", "good", "lint", "good", "broken", "good",
                "failing", "good");
        List<Change> changes = new ArrayList<>();
        Set<String> activated = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        activated.add(http.get().uri("/api/v1/rulesets/status").exchange().returnResult(JsonNode.class).getResponseBody().get("active").get("version").asText());
        for (int i = 0; i < steps.size(); i++) {
            long written = System.nanoTime();
            String version = steps.get(i).get();
            JsonNode candidate = awaitCandidate(http, version);
            long judged = System.nanoTime();
            Instant judgedAt = Instant.now();
            String expected = kinds.get(i).equals("good") ? "ACTIVATED" : "REJECTED";
            assertThat(candidate.get("outcome").asText()).as(kinds.get(i) + " change " + (i + 1)).isEqualTo(expected);
            (expected.equals("ACTIVATED") ? activated : rejected).add(version);
            changes.add(new Change(kinds.get(i), version, written, judged, judgedAt));
            Thread.sleep(500); // callers decide on what is active now before the next change
        }
        Thread.sleep(1_000);
        running.set(false);
        for (Thread client : clients) {
            client.join(30_000);
        }
        EDITS.restore();

        List<Call> all = new ArrayList<>(calls);
        assertThat(all).as("decisions made").hasSizeGreaterThan(100);
        assertThat(all).as("failed requests").allSatisfy(call -> assertThat(call.status()).isEqualTo(201));
        assertThat(all).extracting(Call::version).doesNotContainAnyElementsOf(rejected);
        assertThat(new HashSet<>(all.stream().map(Call::version).toList())).isSubsetOf(activated);
        JsonNode versions = http.get().uri("/api/v1/rulesets").exchange().returnResult(JsonNode.class).getResponseBody().get("items");
        for (Call call : all) {
            assertThat(wasActiveDuring(versions, changes, call)).as("%s active between %s and %s (versions: %s)",
                    call.version(), call.sent(), call.received(), versions).isTrue();
        }
        report(all, changes);
    }

    @Test
    void aFileWrittenInTwoStepsWithAPauseShorterThanTheQuietPeriodIsNeverCompiledHalfWay() throws Exception {
        RestTestClient http = TestUsers.restClient(port);
        long rejectedBefore = counters.rejectedCandidates();
        String full = EDITS.original().replace(RuleEdits.MESSAGE, "bring it along, in two steps.");
        Files.writeString(EDITS.file(), full.substring(0, full.length() / 2));
        Thread.sleep(300);
        Files.writeString(EDITS.file(), full);
        String version = EDITS.folderVersion();
        JsonNode candidate = awaitCandidate(http, version);
        assertThat(candidate.get("outcome").asText()).isEqualTo("ACTIVATED");
        assertThat(counters.rejectedCandidates()).as("the half-written file was never judged").isEqualTo(rejectedBefore);
        EDITS.restore();
        awaitCandidate(http, EDITS.folderVersion());
    }

    private static JsonNode awaitCandidate(RestTestClient http, String version) {
        return await("candidate " + version + " judged").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get().uri("/api/v1/rulesets/status").exchange().returnResult(JsonNode.class).getResponseBody()
                        .get("lastCandidate"), last -> last != null && !last.isNull() && last.get("version").asText().equals(version));
    }

    /**
     * Whether the call's version was active at some moment of the call. A version is active from its
     * recorded activation until its successor is swapped in: the swap follows the commit of the
     * successor's activation record, and precedes the status showing it, which the test saw at {@code judged}.
     */
    private static boolean wasActiveDuring(JsonNode versions, List<Change> changes, Call call) {
        for (int i = 0; i < versions.size(); i++) {
            JsonNode item = versions.get(i);
            if (!item.get("version").asText().equals(call.version())) {
                continue;
            }
            Instant from = Instant.parse(item.get("activeFrom").asText());
            Instant to = item.get("activeTo").isNull() ? Instant.MAX : Instant.parse(item.get("activeTo").asText());
            if (i > 0) {
                String successor = versions.get(i - 1).get("version").asText();
                for (Change change : changes) {
                    if (change.version().equals(successor) && change.judged().isAfter(to)) {
                        to = change.judged();
                    }
                }
            }
            // activation times are kept to the millisecond
            if (!from.isAfter(call.received().plusMillis(1)) && !to.isBefore(call.sent().minusMillis(1))) {
                return true;
            }
        }
        return false;
    }

    /** Reload times and latencies, as measured in this run (printed for docs/, never asserted on). */
    private static void report(List<Call> calls, List<Change> changes) {
        List<Long> reloadMillis = new ArrayList<>();
        for (Change change : changes) {
            if (change.kind().equals("good")) {
                calls.stream().filter(call -> change.version().equals(call.version()))
                        .mapToLong(Call::receivedNanos).min()
                        .ifPresent(first -> reloadMillis.add((first - change.writtenNanos()) / 1_000_000));
            }
        }
        List<Long> during = new ArrayList<>();
        List<Long> quiet = new ArrayList<>();
        for (Call call : calls) {
            boolean inReload = changes.stream().anyMatch(change ->
                    call.sentNanos() < change.judgedNanos() && call.receivedNanos() > change.writtenNanos());
            (inReload ? during : quiet).add((call.receivedNanos() - call.sentNanos()) / 1_000);
        }
        System.out.println("Reload under load: " + calls.size() + " decisions, " + changes.size() + " changes");
        System.out.println("  change on disk -> new version serving (ms), per good change: " + reloadMillis);
        System.out.println("  decision latency quiet (us):         " + percentiles(quiet));
        System.out.println("  decision latency during reload (us): " + percentiles(during));
    }

    private static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return "n=" + sorted.size() + " p50=" + sorted.get(sorted.size() / 2) + " p99="
                + sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1))
                + " max=" + sorted.get(sorted.size() - 1);
    }
}
