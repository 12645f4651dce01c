package nl.draagvlak.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remedies and questions of a stored decision over HTTP, who may read them, and findings in the
 * language Accept-Language asks for, kept as stored on a retry and in replay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdviceApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    RestTestClient client;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
        registry.add("draagvlak.remedies.time-limit", () -> "20s"); // a loaded CI machine must not cut the search
    }

    @BeforeEach
    void client() {
        client = TestUsers.restClient(port);
    }

    private RestTestClient as(TestUsers.TestUser user) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8))).build();
    }

    private String decide(RestTestClient caller, String language, String key) {
        return decide(caller, language, key, Requests.PLAN);
    }

    private String decide(RestTestClient caller, String language, String key, String plan) {
        var request = caller.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        byte[] body = request.body(plan).exchange().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("decisionId").asString();
    }

    @Test
    void theCallerThatMadeADecisionAndAnAuditorGetItsRemedies() {
        String id = decide(as(TestUsers.DECIDE), null, null, AdviceRequests.BACK_OFFICE_NOT_IN_ORDER);
        byte[] body = as(TestUsers.DECIDE).get().uri("/api/v1/decisions/" + id + "/remedies?limit=2").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode remedies = JSON.readTree(body);
        assertThat(remedies.get("decisionId").asString()).isEqualTo(id);
        assertThat(remedies.get("rulesetVersion").asString()).startsWith("sha256:");
        assertThat(remedies.get("complete").asBoolean()).isTrue();
        JsonNode remedy = remedies.get("remedies").get(0);
        assertThat(remedy.get("verdict").asString()).isEqualTo("READY");
        JsonNode change = remedy.get("changes").get(0);
        assertThat(change.get("path").asString()).isEqualTo("preconditions.backOfficeInOrder");
        assertThat(change.get("from").asBoolean()).isFalse();
        assertThat(change.get("to").asBoolean()).isTrue();
        assertThat(remedy.get("removes").get(0).get("ruleId").asString()).isEqualTo("MIG-BACKOFFICE-NOT-IN-ORDER");
        assertThat(remedy.has("adds")).isTrue();
        as(TestUsers.AUDIT).get().uri("/api/v1/decisions/" + id + "/remedies").exchange().expectStatus().isOk();
    }

    @Test
    void anotherDeciderOrARulesAdminMayNotReadADecisionsRemediesOrQuestions() {
        String id = decide(client, null, null); // made by test-all, not by test-decide
        as(TestUsers.DECIDE).get().uri("/api/v1/decisions/" + id + "/remedies").exchange().expectStatus().isForbidden();
        as(TestUsers.DECIDE).get().uri("/api/v1/decisions/" + id + "/questions").exchange().expectStatus().isForbidden();
        as(TestUsers.RULES_ADMIN).get().uri("/api/v1/decisions/" + id + "/remedies").exchange().expectStatus().isForbidden();
        RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/v1/decisions/" + id + "/questions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theCallerThatMadeADecisionAndAnAuditorGetItsQuestions() {
        String id = decide(as(TestUsers.DECIDE), null, null);
        byte[] body = as(TestUsers.DECIDE).get().uri("/api/v1/decisions/" + id + "/questions").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode questions = JSON.readTree(body);
        assertThat(questions.get("decisionId").asString()).isEqualTo(id);
        assertThat(questions.get("questions").get(0).get("path").asString()).isNotBlank();
        as(TestUsers.AUDIT).get().uri("/api/v1/decisions/" + id + "/questions").exchange().expectStatus().isOk();
    }

    @Test
    void aLimitOutOfRangeIsABadRequest() {
        String id = decide(client, null, null);
        client.get().uri("/api/v1/decisions/" + id + "/remedies?limit=0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aDutchBrowserGetsDutchFindingsSaidSoAndStoredSo() {
        byte[] body = client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7").body(Requests.PLAN)
                .exchange().expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "nl")
                .expectBody().returnResult().getResponseBody();
        JsonNode decision = JSON.readTree(body);
        assertThat(decision.get("language").asString()).isEqualTo("nl");
        assertThat(decision.get("findings").get(0).get("message").asString())
                .isEqualTo("De back-office, en vooral de gegevenshuishouding, is niet op orde: breng die eerst op orde.");
        String id = decision.get("decisionId").asString();
        client.post().uri("/api/v1/decisions/" + id + "/replay").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.identical").isEqualTo(true);
    }

    @Test
    void withoutAcceptLanguageTheFindingsAreEnglish() {
        client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN)
                .exchange().expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody().jsonPath("$.language").isEqualTo("en")
                .jsonPath("$.findings[0].message").isEqualTo(
                        "The back office, and its data management above all, is not in order: put it in order first.");
    }

    @Test
    void anIdempotentRetryInAnotherLanguageGetsTheDecisionAsStored() {
        String key = "retry-" + System.nanoTime();
        decide(client, "nl", key);
        client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").header("Idempotency-Key", key).body(Requests.PLAN)
                .exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "nl")
                .expectBody().jsonPath("$.language").isEqualTo("nl");
    }
}
