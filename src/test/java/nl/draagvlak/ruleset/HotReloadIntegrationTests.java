package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.draagvlak.support.Http;
import nl.draagvlak.support.RuleFolders;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A policy owner edits a rule file of the running service: a good edit is taken, a broken one refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotReloadIntegrationTests {

    private static final Path RULES = RuleFolders.copyOfProjectRules();
    private static final String ELEVEN_MONTHS_RADICAL = """
            {"initiative":{"kind":"OTHER_CHANGE","organisationType":"COMPANY","leadTimeMonths":11,"resources":"HIGH"},
             "designStrategy":{"ambition":"RADICAL_REDESIGN"}}""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.dir", RULES::toString);
        registry.add("draagvlak.rules.reload-interval", () -> "100ms");
        registry.add("draagvlak.rules.cache-dir", () -> "");
    }

    @Test
    void aGoodEditIsPickedUpAndABrokenOneIsRefusedWhileTheLastGoodRulesetKeepsServing() throws Exception {
        Http http = new Http(port);
        assertThat(ruleIds(http.postJson("/api/v1/decisions", ELEVEN_MONTHS_RADICAL).json()))
                .contains("MIG-RADICAL-SHORT-LEADTIME");
        String first = http.get("/api/v1/rules").json().get("version").asText();

        RuleFolders.replaceIn(RULES.resolve("derive.drl"), "below( 12 )", "below( 11 )");
        String second = awaitVersionOtherThan(http, first);
        JsonNode afterEdit = http.postJson("/api/v1/decisions", ELEVEN_MONTHS_RADICAL).json();
        assertThat(afterEdit.get("ruleset").get("version").asText()).isEqualTo(second);
        assertThat(ruleIds(afterEdit)).doesNotContain("MIG-RADICAL-SHORT-LEADTIME");

        RuleFolders.replaceIn(RULES.resolve("derive.drl"), "$plan : Initiative()", "$plan : Initiative(");
        JsonNode rules = awaitRejection(http);
        assertThat(rules.get("version").asText()).isEqualTo(second);
        assertThat(rules.get("lastReload").get("problems").get(0).asText()).startsWith("rules/derive.drl:");
        Http.Response stillServing = http.postJson("/api/v1/decisions", ELEVEN_MONTHS_RADICAL);
        assertThat(stillServing.status()).isEqualTo(201);
        assertThat(stillServing.json().get("ruleset").get("version").asText()).isEqualTo(second);
        assertThat(http.get("/api/v1/rulesets/" + first).status()).as("every ruleset run is kept").isEqualTo(200);
    }

    private static java.util.List<String> ruleIds(JsonNode decision) {
        return decision.get("findings").findValuesAsString("ruleId");
    }

    private static String awaitVersionOtherThan(Http http, String version) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String now = http.get("/api/v1/rules").json().get("version").asText();
            if (!now.equals(version)) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the edited rules were not picked up within 30 s");
    }

    private static JsonNode awaitRejection(Http http) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode rules = http.get("/api/v1/rules").json();
            JsonNode last = rules.get("lastReload");
            if (last != null && !last.isNull() && !last.get("accepted").asBoolean()) {
                return rules;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the broken edit was not refused within 30 s");
    }
}
