package nl.draagvlak.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import nl.draagvlak.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The probes, the Prometheus scrape and nothing else of Actuator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorIntegrationTests {

    /** Every family the service's own meters give, by its name in the scrape. */
    static final Set<String> DRAAGVLAK_FAMILIES = Set.of(
            "draagvlak_decisions_seconds", "draagvlak_decisions_seconds_max",
            "draagvlak_rule_fired_total",
            "draagvlak_audit_commit_seconds", "draagvlak_audit_commit_seconds_max",
            "draagvlak_audit_batch_size", "draagvlak_audit_batch_size_max",
            "draagvlak_audit_queue",
            "draagvlak_ruleset_reload_total",
            "draagvlak_ruleset_info");

    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);

    @LocalServerPort
    int port;

    @Autowired
    PathMappedEndpoints endpoints;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
    }

    @Test
    void theProbesAnswerAnonymousCallersWithUpAndNothingMore() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            anonymous().get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void afterOneDecisionTheScrapeShowsEveryMeterUnderItsExactName() {
        TestUsers.restClient(port).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.PLAN).exchange().expectStatus().isCreated();

        String scrape = scrape(TestUsers.METRICS);

        assertThat(families(scrape)).isEqualTo(DRAAGVLAK_FAMILIES);
        assertThat(scrape)
                .contains("draagvlak_decisions_seconds_count{outcome=\"decided\",verdict=\"NOT_READY\"} 1")
                .contains("draagvlak_rule_fired_total{rule=\"MIG-BACKOFFICE-NOT-IN-ORDER\"} 1")
                .contains("draagvlak_ruleset_reload_total{outcome=\"rejected\"} 0")
                .containsPattern("draagvlak_ruleset_info\\{version=\"sha256:[0-9a-f]{64}\"} 1")
                .containsPattern("draagvlak_audit_batch_size_count [1-9]")
                .contains("draagvlak_audit_queue 0");
    }

    @Test
    void aRefusedRequestIsTimedAsInvalidWithoutAVerdict() {
        TestUsers.restClient(port).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .body("{\"initiative\":{}}").exchange().expectStatus().isBadRequest();

        assertThat(scrape(TestUsers.METRICS))
                .containsPattern("draagvlak_decisions_seconds_count\\{outcome=\"invalid\",verdict=\"none\"} [1-9]");
    }

    @Test
    void theScrapeIsForTheMetricsAndAuditRoles() {
        scrape(TestUsers.METRICS);
        scrape(TestUsers.AUDIT);
        as(TestUsers.DECIDE).get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        as(TestUsers.RULES_ADMIN).get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void nothingElseOfActuatorIsServedEvenToACallerWithEveryRole() {
        RestTestClient all = TestUsers.restClient(port);
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness/auditStore",
                "/actuator/health/liveness/livenessState", "/actuator/env", "/actuator/beans", "/actuator/metrics",
                "/actuator/info", "/actuator/configprops", "/actuator/loggers", "/actuator/threaddump",
                "/actuator/heapdump", "/actuator/shutdown"}) {
            all.get().uri(path).exchange().expectStatus().isForbidden();
        }
        anonymous().get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
        // Behind security too, Actuator itself maps only these two endpoints.
        assertThat(endpoints.getAllPaths()).containsExactlyInAnyOrder("/actuator/health", "/actuator/prometheus");
    }

    private String scrape(TestUser user) {
        return as(user).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    static Set<String> families(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher type = TYPE.matcher(scrape);
        while (type.find()) {
            if (type.group(1).startsWith("draagvlak_")) {
                names.add(type.group(1));
            }
        }
        return names;
    }

    private RestTestClient as(TestUser user) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user.name(), user.password())).build();
    }

    private RestTestClient anonymous() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
