package nl.draagvlak.security;

import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The real service with both ways in: the test users of every Spring Boot test (HTTP Basic) and
 * bearer tokens of {@link TestTokens} (JWT, issuer and audience checked). The test classes that
 * extend it share one running service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SecuredServiceTest {

    static final TestTokens TOKENS = new TestTokens();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("draagvlak.security.jwt.audience", () -> TestTokens.AUDIENCE);
    }

    /** Signed in with every role. */
    RestTestClient admin() {
        return TestUsers.restClient(port);
    }

    String aStoredDecision() {
        return admin().post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class).getResponseBody().get("decisionId").asText();
    }
}
