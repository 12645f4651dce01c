package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.draagvlak.support.Http;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every stored decision names its caller, an auditor can search by it, and a caller sees only its own remedies. */
class CallerIntegrationTests extends SecuredServiceTest {

    @Test
    void aBasicUsersDecisionIsStoredWithTheUserName() {
        Http decide = Http.as(port, TestUsers.DECIDE.name(), TestUsers.DECIDE.password());
        String id = decide.postJson("/api/v1/decisions", Requests.PLAN).json().get("decisionId").asText();
        assertThat(admin().get("/api/v1/decisions/" + id).json().get("caller").asText()).isEqualTo(TestUsers.DECIDE.name());
    }

    @Test
    void aTokensDecisionIsStoredWithItsSubjectAndFoundBySearchingForIt() {
        String subject = "service-" + System.nanoTime();
        Http service = Http.bearer(port, TOKENS.token(subject, List.of("decide")));
        String id = service.postJson("/api/v1/decisions", Requests.PLAN).json().get("decisionId").asText();
        admin().postJson("/api/v1/decisions", Requests.PLAN); // someone else's, newer

        JsonNode stored = admin().get("/api/v1/decisions/" + id).json();
        assertThat(stored.get("caller").asText()).isEqualTo(subject);
        JsonNode found = admin().get("/api/v1/decisions?caller=" + subject).json().get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("decisionId").asText()).isEqualTo(id);
        assertThat(found.get(0).get("caller").asText()).isEqualTo(subject);
        assertThat(admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDecideCallerMayReadTheRemediesOfItsOwnDecisionsOnlyAndAnAuditorAnyones() {
        Http mine = Http.bearer(port, TOKENS.token("owner-service", List.of("decide")));
        Http other = Http.bearer(port, TOKENS.token("other-service", List.of("decide")));
        String id = mine.postJson("/api/v1/decisions", Requests.PLAN).json().get("decisionId").asText();

        assertThat(mine.get("/api/v1/decisions/" + id + "/remedies").status()).isNotIn(401, 403);
        assertThat(other.get("/api/v1/decisions/" + id + "/remedies").status()).isEqualTo(403);
        assertThat(other.get("/api/v1/decisions/" + id + "/questions").status()).isEqualTo(403);
        assertThat(mine.get("/api/v1/decisions/01900000-0000-7000-8000-000000000000/remedies").status()).isEqualTo(403);
        Http auditor = Http.as(port, TestUsers.AUDIT.name(), TestUsers.AUDIT.password());
        assertThat(auditor.get("/api/v1/decisions/" + id + "/remedies").status()).isNotIn(401, 403);
    }
}
