package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Every stored decision names its caller, an auditor can search by it, and a caller sees only its own remedies. */
class CallerIntegrationTests extends SecuredServiceTest {

    @Test
    void aBasicUsersDecisionIsStoredWithTheUserName() {
        RestTestClient decide = TestUsers.restClient(port, TestUsers.DECIDE.name(), TestUsers.DECIDE.password());
        String id = decide.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("decisionId").asText();
        assertThat(admin().get().uri("/api/v1/decisions/" + id).exchange().returnResult(JsonNode.class).getResponseBody().get("caller").asText()).isEqualTo(TestUsers.DECIDE.name());
    }

    @Test
    void aTokensDecisionIsStoredWithItsSubjectAndFoundBySearchingForIt() {
        String subject = "service-" + System.nanoTime();
        RestTestClient service = TestUsers.bearerClient(port, TOKENS.token(subject, List.of("decide")));
        String id = service.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("decisionId").asText();
        admin().post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange(); // someone else's, newer

        JsonNode stored = admin().get().uri("/api/v1/decisions/" + id).exchange().returnResult(JsonNode.class).getResponseBody();
        assertThat(stored.get("caller").asText()).isEqualTo(subject);
        JsonNode found = admin().get().uri("/api/v1/decisions?caller=" + subject).exchange().returnResult(JsonNode.class).getResponseBody().get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("decisionId").asText()).isEqualTo(id);
        assertThat(found.get(0).get("caller").asText()).isEqualTo(subject);
        assertThat(admin().get().uri("/api/v1/audit/verify").exchange().returnResult(JsonNode.class).getResponseBody().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDecideCallerMayReadTheRemediesOfItsOwnDecisionsOnlyAndAnAuditorAnyones() {
        RestTestClient mine = TestUsers.bearerClient(port, TOKENS.token("owner-service", List.of("decide")));
        RestTestClient other = TestUsers.bearerClient(port, TOKENS.token("other-service", List.of("decide")));
        String id = mine.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("decisionId").asText();

        assertThat(mine.get().uri("/api/v1/decisions/" + id + "/remedies").exchange().returnResult().getStatus().value()).isNotIn(401, 403);
        assertThat(other.get().uri("/api/v1/decisions/" + id + "/remedies").exchange().returnResult().getStatus().value()).isEqualTo(403);
        assertThat(other.get().uri("/api/v1/decisions/" + id + "/questions").exchange().returnResult().getStatus().value()).isEqualTo(403);
        assertThat(mine.get().uri("/api/v1/decisions/01900000-0000-7000-8000-000000000000/remedies").exchange().returnResult().getStatus().value()).isEqualTo(403);
        RestTestClient auditor = TestUsers.restClient(port, TestUsers.AUDIT.name(), TestUsers.AUDIT.password());
        assertThat(auditor.get().uri("/api/v1/decisions/" + id + "/remedies").exchange().returnResult().getStatus().value()).isNotIn(401, 403);
    }
}
