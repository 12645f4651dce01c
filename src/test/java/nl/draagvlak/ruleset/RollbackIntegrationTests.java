package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.draagvlak.support.RuleEdits;
import nl.draagvlak.support.RuleFolders;
import nl.draagvlak.support.Service;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A policy owner's change goes live, is compared with the version before, and is rolled back in
 * one call: the earlier version's decisions come back exactly, and stay after a restart while the
 * folder is unchanged. Every activation is a record of the hash chain.
 */
class RollbackIntegrationTests {

    /** An affected department not involved at all: SUP-STAKEHOLDER-NOT-INVOLVED fires, with the message the edit rewords. */
    private static final String NOT_INVOLVED = """
            {"initiative":{"kind":"MULTICHANNEL_MIGRATION","organisationType":"MUNICIPALITY"},
             "stakeholders":[{"department":"MARKETING","affected":true,"involvement":"NONE"}]}""";

    private final Path rules = RuleFolders.copyOfProjectRules();
    private final RuleEdits edits = new RuleEdits(rules);
    private final String store = TestDatabases.h2Url();
    private final Path cache = RuleFolders.temporaryFolder("draagvlak-ruleset-cache");

    private Service start() {
        return Service.start("spring.datasource.url=" + store, "draagvlak.rules.dir=" + rules,
                "draagvlak.rules.watch=false", "draagvlak.rules.cache-dir=" + cache);
    }

    @Test
    void aRollbackRestoresTheEarlierDecisionsExactlyAndSurvivesARestart() {
        String first;
        String second;
        try (Service service = start()) {
            RestTestClient http = service.http();
            first = http.get().uri("/api/v1/rulesets/status").exchange().returnResult(JsonNode.class).getResponseBody().get("active").get("version").asText();
            JsonNode onFirst = decide(http, first);

            second = edits.good(1);
            JsonNode reload = http.post().uri("/api/v1/rulesets/reload").exchange().returnResult(JsonNode.class).getResponseBody();
            assertThat(reload.get("outcome").asText()).isEqualTo("ACTIVATED");
            assertThat(reload.get("version").asText()).isEqualTo(second);
            JsonNode onSecond = decide(http, second);
            assertThat(message(onSecond)).contains("(edit 1)");

            JsonNode diff = http.get().uri("/api/v1/rulesets/" + first + "/diff/" + second).exchange().returnResult(JsonNode.class).getResponseBody();
            assertThat(diff.get("added")).isEmpty();
            assertThat(diff.get("removed")).isEmpty();
            assertThat(diff.get("changed")).singleElement().satisfies(changed -> {
                assertThat(changed.get("ruleId").asText()).isEqualTo("SUP-STAKEHOLDER-NOT-INVOLVED");
                assertThat(changed.get("text").asText()).contains("\n-    @message(\"This department")
                        .contains("\n+    @message(\"This department").contains("(edit 1)");
            });

            EntityExchangeResult<JsonNode> rollback = http.post().uri("/api/v1/rulesets/" + first + "/activate?reason=wording%20not%20agreed").exchange().returnResult(JsonNode.class);
            assertThat(rollback.getStatus().value()).as(rollback.toString()).isEqualTo(200);
            assertThat(rollback.getResponseBody().get("outcome").asText()).isEqualTo("ACTIVATED");
            assertThat(rollback.getResponseBody().get("failingScenarios")).isEmpty();
            JsonNode afterRollback = decide(http, first);
            assertThat(withoutIdAndTime(afterRollback)).isEqualTo(withoutIdAndTime(onFirst));
            assertThat(replayOnActive(http, onFirst).get("identical").asBoolean()).isTrue();
            assertThat(replayOnActive(http, onSecond).get("identical").asBoolean()).isFalse();

            JsonNode items = http.get().uri("/api/v1/rulesets").exchange().returnResult(JsonNode.class).getResponseBody().get("items");
            assertThat(items.findValuesAsString("version")).containsExactly(first, second, first);
            assertThat(items.get(0).get("reason").asText()).isEqualTo("wording not agreed");
            assertThat(items.get(0).get("activeTo").isNull()).isTrue();
            assertThat(items.get(1).get("activeTo").asText()).isEqualTo(items.get(0).get("activeFrom").asText());

            JsonNode verify = http.get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody();
            assertThat(verify.get("valid").asBoolean()).isTrue();
            assertThat(verify.get("checked").asLong()).as("three decisions and three activations").isEqualTo(6);

            JsonNode usage = http.get().uri("/api/v1/rules/usage").exchange().returnResult(JsonNode.class).getResponseBody();
            assertThat(usage.get("rulesetVersion").asText()).isEqualTo(first);
            JsonNode rulesUsed = usage.get("rules");
            assertThat(rulesUsed.size()).isEqualTo(http.get().uri("/api/v1/rules").exchange().returnResult(JsonNode.class).getResponseBody().get("count").asInt());
            assertThat(find(rulesUsed, "SUP-STAKEHOLDER-NOT-INVOLVED").get("decisions").asLong()).isEqualTo(3);
            assertThat(find(rulesUsed, "MIG-BO-TOO-HEAVY").get("decisions").asLong()).isZero();
            assertThat(http.get().uri("/api/v1/rules/usage?rulesetVersion=" + second).exchange().returnResult(JsonNode.class).getResponseBody().get("rules"))
                    .anySatisfy(rule -> {
                        assertThat(rule.get("ruleId").asText()).isEqualTo("SUP-STAKEHOLDER-NOT-INVOLVED");
                        assertThat(rule.get("decisions").asLong()).isEqualTo(1);
                    });
        }

        try (Service restarted = start()) {
            RestTestClient http = restarted.http();
            JsonNode active = http.get().uri("/api/v1/rulesets/status").exchange().returnResult(JsonNode.class).getResponseBody().get("active");
            assertThat(active.get("version").asText()).as("the folder is unchanged: the rollback stays")
                    .isEqualTo(first);
            assertThat(active.get("activatedBy").asText()).as("the signed-in caller who activated it")
                    .isEqualTo(nl.draagvlak.support.TestUsers.ALL.name());
            decide(http, first);

            String third = edits.good(2);
            JsonNode reload = http.post().uri("/api/v1/rulesets/reload").exchange().returnResult(JsonNode.class).getResponseBody();
            assertThat(reload.get("version").asText()).isEqualTo(third);
            assertThat(reload.get("outcome").asText()).isEqualTo("ACTIVATED");
            decide(http, third);
        }
    }

    @Test
    void anUnknownVersionIsA404AndOneThatNoLongerCompilesIsA409() {
        try (Service service = start()) {
            RestTestClient http = service.http();
            ExchangeResult unknown = http.post().uri("/api/v1/rulesets/sha256:" + "0".repeat(64) + "/activate").exchange().returnResult();
            assertThat(unknown.getStatus().value()).isEqualTo(404);
            assertThat(unknown.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
            assertThat(http.get().uri("/api/v1/rulesets/sha256:" + "0".repeat(64) + "/diff/active").exchange().returnResult().getStatus().value()).isEqualTo(404);

            edits.broken();
            JsonNode rejected = http.post().uri("/api/v1/rulesets/reload").exchange().returnResult(JsonNode.class).getResponseBody();
            assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(rejected.get("problems").get(0).get("file").asText()).endsWith("support/stakeholders.drl");
            assertThat(rejected.get("problems").get(0).get("line").asInt()).isPositive();
            JsonNode status = http.get().uri("/api/v1/rulesets/status").exchange().returnResult(JsonNode.class).getResponseBody();
            assertThat(status.get("lastCandidate")).isEqualTo(rejected);
            assertThat(status.get("watching").asBoolean()).isFalse();
        }
    }

    private static JsonNode decide(RestTestClient http, String expectedVersion) {
        EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(NOT_INVOLVED).exchange().returnResult(JsonNode.class);
        assertThat(response.getStatus().value()).as(response.toString()).isEqualTo(201);
        JsonNode decision = response.getResponseBody();
        assertThat(decision.get("ruleset").get("version").asText()).isEqualTo(expectedVersion);
        return decision;
    }

    private static String message(JsonNode decision) {
        return find(decision.get("findings"), "SUP-STAKEHOLDER-NOT-INVOLVED").get("message").asText();
    }

    private static JsonNode find(JsonNode items, String ruleId) {
        for (JsonNode item : items) {
            if (item.get("ruleId").asText().equals(ruleId)) {
                return item;
            }
        }
        throw new AssertionError("no " + ruleId + " in " + items);
    }

    private static JsonNode withoutIdAndTime(JsonNode decision) {
        ObjectNode copy = ((ObjectNode) decision).deepCopy();
        copy.remove("decisionId");
        copy.remove("decidedAt");
        return copy;
    }

    private static JsonNode replayOnActive(RestTestClient http, JsonNode decision) {
        return http.post().uri("/api/v1/decisions/" + decision.get("decisionId").asText() + "/replay?ruleset=active").exchange().returnResult(JsonNode.class).getResponseBody();
    }
}
