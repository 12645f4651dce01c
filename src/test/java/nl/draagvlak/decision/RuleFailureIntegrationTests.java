package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.draagvlak.ruleset.RuleCounters;
import nl.draagvlak.support.RuleFolders;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A rule that throws on one kind of request: that caller gets a 500 problem naming the rule, the
 * request, rule and error are in the audit chain as a failure (never a decision), a counter
 * counts it, and the service keeps deciding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleFailureIntegrationTests {

    private static final Path RULES = withThrowingRule();
    private static final String EXPLODES = """
            {"initiative":{"name":"explode","kind":"MULTICHANNEL_MIGRATION","organisationType":"MUNICIPALITY"}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuleCounters counters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.dir", RULES::toString);
        registry.add("draagvlak.rules.watch", () -> "false");
        registry.add("draagvlak.rules.cache-dir", () -> "");
    }

    private static Path withThrowingRule() {
        Path rules = RuleFolders.copyOfProjectRules();
        try {
            Files.writeString(rules.resolve("explodes.drl"), """
                    package rules;

                    import nl.draagvlak.model.*;

                    global Assessment assessment;

                    rule "Breaks on a plan named explode"
                        @id("DERIVE-EXPLODES")
                    when
                        $plan : Initiative( name == "explode" )
                    then
                        throw new IllegalStateException( "the rule broke" );
                    end
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rules;
    }

    @Test
    void theCallerGetsAProblemNamingTheRuleAndTheFailureIsAuditedNotDecided() {
        RestTestClient http = TestUsers.restClient(port);
        long before = counters.ruleFailures();
        EntityExchangeResult<JsonNode> failed = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(EXPLODES).exchange().returnResult(JsonNode.class);
        assertThat(failed.getStatus().value()).isEqualTo(500);
        assertThat(failed.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.getResponseBody().get("type").asText()).endsWith("/rule-failure");
        assertThat(failed.getResponseBody().get("ruleId").asText()).isEqualTo("DERIVE-EXPLODES");
        assertThat(counters.ruleFailures()).isEqualTo(before + 1);

        List<Map<String, Object>> failures = jdbc.queryForList(
                "SELECT request_body, payload, ruleset_version FROM audit_record WHERE kind = 'FAILURE'");
        assertThat(failures).singleElement().satisfies(row -> {
            assertThat((String) row.get("request_body")).contains("explode");
            assertThat((String) row.get("payload")).contains("DERIVE-EXPLODES").contains("the rule broke");
            assertThat((String) row.get("ruleset_version")).startsWith("sha256:");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE kind = 'DECISION'", Integer.class))
                .isZero();

        ExchangeResult next = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(nl.draagvlak.support.Requests.PLAN).exchange().returnResult();
        assertThat(next.getStatus().value()).as("the service keeps serving").isEqualTo(201);
        JsonNode verify = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(verify.get("valid").asBoolean()).isTrue();
    }
}
