package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A store that answers but whose schema does not fit the code (here: a table renamed under the
 * running service) is a fault of the service, not an outage: a 500 problem, never a 503 that
 * tells the caller to retry, with the details logged under the request id the problem names.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrokenSchemaIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    RestTestClient client;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
    }

    @BeforeEach
    void breakTheSchema() {
        client = nl.draagvlak.support.TestUsers.restClient(port);
        jdbc.execute("ALTER TABLE audit_rule_fired RENAME TO audit_rule_fired_moved");
    }

    @AfterEach
    void repairTheSchema() {
        jdbc.execute("ALTER TABLE audit_rule_fired_moved RENAME TO audit_rule_fired");
    }

    @Test
    void aDecisionOnABrokenSchemaIsA500LoggedWithItsDetailsUnderTheRequestId(CapturedOutput output) {
        client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "broken-schema-decision").body(Requests.PLAN).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().doesNotExist("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://draagvlak.nl/problems/audit-store-failure")
                .jsonPath("$.requestId").isEqualTo("broken-schema-decision");
        assertThat(errorLinesOf(output, "broken-schema-decision")).anySatisfy(line ->
                assertThat(line.toUpperCase()).contains("AUDIT_RULE_FIRED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE kind = 'DECISION'", Long.class))
                .isZero();
    }

    @Test
    void aSearchOnABrokenSchemaIsA500LoggedUnderTheRequestId(CapturedOutput output) {
        client.get().uri("/api/v1/decisions?ruleId=MIG-FO-BACKOFFICE-LAG")
                .header("X-Request-Id", "broken-schema-search").exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().doesNotExist("Retry-After")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://draagvlak.nl/problems/audit-store-failure")
                .jsonPath("$.requestId").isEqualTo("broken-schema-search");
        assertThat(errorLinesOf(output, "broken-schema-search")).isNotEmpty();
    }

    private static java.util.List<String> errorLinesOf(CapturedOutput output, String requestId) {
        return Arrays.stream(output.getOut().split("\n"))
                .filter(line -> line.contains(" ERROR ") && line.contains("[" + requestId + "]")).toList();
    }
}
