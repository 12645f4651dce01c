package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.draagvlak.support.Http;
import nl.draagvlak.support.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        Http.Response response = Http.bearer(port, token.apply(TOKENS)).postJson("/api/v1/decisions", Requests.PLAN);
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.headers().get("WWW-Authenticate")).anyMatch(value -> value.startsWith("Bearer")
                && value.contains("error=\"invalid_token\""));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noTokenIsA401NamingBothWaysToSignIn() {
        Http.Response response = Http.anonymous(port).postJson("/api/v1/decisions", Requests.PLAN);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().get("WWW-Authenticate"))
                .anyMatch(value -> value.startsWith("Basic realm=\"draagvlak\""))
                .anyMatch(value -> value.startsWith("Bearer realm=\"draagvlak\"") && !value.contains("error="));
    }

    @Test
    void aGoodTokenWithoutARoleIsSignedInButMayNotDecide() {
        Http noRole = Http.bearer(port, TOKENS.token("service-without-role", List.of()));
        assertThat(noRole.get("/api/v1/rules").status()).isEqualTo(200);
        Http.Response refused = noRole.postJson("/api/v1/decisions", Requests.PLAN);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aGoodTokenWithTheDecideRoleDecides() {
        Http.Response created = Http.bearer(port, TOKENS.signed(decide().build())).postJson("/api/v1/decisions", Requests.PLAN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void theDraagvlakScopesCountAsRolesAndOtherScopesDoNot() {
        String decideScope = TOKENS.signed(TestTokens.claims("scoped", List.of()).claim("scope", "openid draagvlak.decide").build());
        assertThat(Http.bearer(port, decideScope).postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(201);
        String scp = TOKENS.signed(TestTokens.claims("scoped", List.of()).claim("scp", List.of("draagvlak.audit")).build());
        assertThat(Http.bearer(port, scp).get("/api/v1/audit/verify").status()).isEqualTo(200);
        String otherScope = TOKENS.signed(TestTokens.claims("scoped", List.of()).claim("scope", "decide audit").build());
        assertThat(Http.bearer(port, otherScope).postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(403);
    }

    @Test
    void rolesMayBeAStringSeparatedBySpacesOrCommasAndUnknownRolesAreIgnored() {
        String token = TOKENS.signed(TestTokens.claims("service-b", List.of()).claim("roles", "superuser, audit").build());
        Http caller = Http.bearer(port, token);
        assertThat(caller.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(caller.postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(403);
    }
}
