package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Bearer tokens that must not get in, each a 401 problem that says {@code invalid_token} in its
 * {@code WWW-Authenticate} (or, with no token at all, names both ways to sign in); and the ones
 * that must, with their roles from the roles claim or the {@code draagvlak.*} scopes.
 */
class JwtIntegrationTests extends SecuredServiceTest {

    private static JWTClaimsSet.Builder decide() {
        return TestTokens.claims("service-a", List.of("decide"));
    }

    private static Date minutesFromNow(long minutes) {
        return Date.from(Instant.now().plusSeconds(60 * minutes));
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.<Arguments>of(
                Arguments.of("expired", (Function<TestTokens, String>) t -> t.signed(decide()
                        .issueTime(minutesFromNow(-20)).notBeforeTime(minutesFromNow(-20)).expirationTime(minutesFromNow(-10)).build())),
                Arguments.of("not yet valid", (Function<TestTokens, String>) t -> t.signed(decide()
                        .notBeforeTime(minutesFromNow(10)).build())),
                Arguments.of("from another issuer", (Function<TestTokens, String>) t -> t.signed(decide()
                        .issuer("https://elsewhere.test").build())),
                Arguments.of("for another audience", (Function<TestTokens, String>) t -> t.signed(decide()
                        .audience("another-service").build())),
                Arguments.of("with alg none", (Function<TestTokens, String>) t -> TestTokens.unsigned(decide().build())),
                Arguments.of("signed with another key", (Function<TestTokens, String>) t -> t.signedWithAnotherKey(decide().build())),
                Arguments.of("without an expiry", (Function<TestTokens, String>) t -> t.signed(decide().expirationTime(null).build())),
                Arguments.of("without a subject", (Function<TestTokens, String>) t -> t.signed(decide().subject(null).build())),
                Arguments.of("not a JWT at all", (Function<TestTokens, String>) t -> "not.a.token"));
    }

    @ParameterizedTest(name = "a token {0} is a 401")
    @MethodSource("refusedTokens")
    void aBadTokenIsRefusedWithA401Problem(String kind, Function<TestTokens, String> token) {
        EntityExchangeResult<String> response = TestUsers.bearerClient(port, token.apply(TOKENS)).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(String.class);
        assertThat(response.getStatus().value()).as(response.getResponseBody()).isEqualTo(401);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(response.getResponseHeaders().get("WWW-Authenticate")).anyMatch(value -> value.startsWith("Bearer")
                && value.contains("error=\"invalid_token\""));
        assertThat(response.getResponseBody()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noTokenIsA401NamingBothWaysToSignIn() {
        ExchangeResult response = TestUsers.anonymousClient(port).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult();
        assertThat(response.getStatus().value()).isEqualTo(401);
        assertThat(response.getResponseHeaders().get("WWW-Authenticate"))
                .anyMatch(value -> value.startsWith("Basic realm=\"draagvlak\""))
                .anyMatch(value -> value.startsWith("Bearer realm=\"draagvlak\"") && !value.contains("error="));
    }

    @Test
    void aGoodTokenWithoutARoleIsSignedInButMayNotDecide() {
        RestTestClient noRole = TestUsers.bearerClient(port, TOKENS.token("service-without-role", List.of()));
        assertThat(noRole.get().uri("/api/v1/rules").exchange().returnResult().getStatus().value()).isEqualTo(200);
        ExchangeResult refused = noRole.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult();
        assertThat(refused.getStatus().value()).isEqualTo(403);
        assertThat(refused.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aGoodTokenWithTheDecideRoleDecides() {
        EntityExchangeResult<String> created = TestUsers.bearerClient(port, TOKENS.signed(decide().build())).post().uri("/api/v1/decisions")
                .contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(String.class);
        assertThat(created.getStatus().value()).as(created.getResponseBody()).isEqualTo(201);
    }

    @Test
    void theDraagvlakScopesCountAsRolesAndOtherScopesDoNot() {
        String decideScope = TOKENS.signed(TestTokens.claims("scoped", List.of()).claim("scope", "openid draagvlak.decide").build());
        assertThat(TestUsers.bearerClient(port, decideScope).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(201);
        String scp = TOKENS.signed(TestTokens.claims("scoped", List.of()).claim("scp", List.of("draagvlak.audit")).build());
        assertThat(TestUsers.bearerClient(port, scp).get().uri("/api/v1/audit/verify").exchange().returnResult().getStatus().value()).isEqualTo(200);
        String otherScope = TOKENS.signed(TestTokens.claims("scoped", List.of()).claim("scope", "decide audit").build());
        assertThat(TestUsers.bearerClient(port, otherScope).post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(403);
    }

    @Test
    void rolesMayBeAStringSeparatedBySpacesOrCommasAndUnknownRolesAreIgnored() {
        String token = TOKENS.signed(TestTokens.claims("service-b", List.of()).claim("roles", "superuser, audit").build());
        RestTestClient caller = TestUsers.bearerClient(port, token);
        assertThat(caller.get().uri("/api/v1/audit/verify").exchange().returnResult().getStatus().value()).isEqualTo(200);
        assertThat(caller.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(403);
    }
}
