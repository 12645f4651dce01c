package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint against every kind of caller, each cell an allow or a deny test. The table below
 * is the whole rule: a row is an endpoint, a column a caller, {@code +} lets it through, {@code -}
 * refuses it (401 when not signed in, 403 when a role is short). The four role columns hold for a
 * Basic user with that one role and for a JWT with that one role alike. An allowed call to an
 * endpoint that does not exist yet (its line is in {@link EndpointAccess} already) only has to get
 * past security: any status but 401 and 403. The console's pages have a chain of their own (a login
 * page, not a 401, for anonymous; no tokens): nl.draagvlak.console.ConsoleAccessIntegrationTests.
 */
class AccessMatrixIntegrationTests extends SecuredServiceTest {

    private static final int NOT_REFUSED = 0;

    /** The columns: who calls, and how the test makes its client. */
    enum Caller {
        ANONYMOUS(false, null, (test, role) -> TestUsers.anonymousClient(test.port)),
        WRONG_PASSWORD(false, null, (test, role) -> TestUsers.restClient(test.port, TestUsers.DECIDE.name(), "not-the-password")),
        BASIC_DECIDE(true, 0, (test, role) -> TestUsers.restClient(test.port, TestUsers.DECIDE.name(), TestUsers.DECIDE.password())),
        BASIC_AUDIT(true, 1, (test, role) -> TestUsers.restClient(test.port, TestUsers.AUDIT.name(), TestUsers.AUDIT.password())),
        BASIC_RULES_ADMIN(true, 2, (test, role) -> TestUsers.restClient(test.port, TestUsers.RULES_ADMIN.name(), TestUsers.RULES_ADMIN.password())),
        BASIC_METRICS(true, 3, (test, role) -> TestUsers.restClient(test.port, TestUsers.METRICS.name(), TestUsers.METRICS.password())),
        JWT_DECIDE(true, 0, Caller::jwt),
        JWT_AUDIT(true, 1, Caller::jwt),
        JWT_RULES_ADMIN(true, 2, Caller::jwt),
        JWT_METRICS(true, 3, Caller::jwt);

        private static final List<String> ROLES = List.of("decide", "audit", "rules-admin", "metrics");

        final boolean signedIn;
        final Integer role;
        private final BiFunction<SecuredServiceTest, String, RestTestClient> client;

        Caller(boolean signedIn, Integer role, BiFunction<SecuredServiceTest, String, RestTestClient> client) {
            this.signedIn = signedIn;
            this.role = role;
            this.client = client;
        }

        RestTestClient client(SecuredServiceTest test) {
            return client.apply(test, role == null ? null : ROLES.get(role));
        }

        /** The mark of this caller in a row: anonymous, wrong password, then one per role. */
        int column() {
            return switch (this) {
                case ANONYMOUS -> 0;
                case WRONG_PASSWORD -> 1;
                default -> 2 + role;
            };
        }

        private static RestTestClient jwt(SecuredServiceTest test, String role) {
            return TestUsers.bearerClient(test.port, TOKENS.token("jwt-" + role, List.of(role)));
        }
    }

    record Row(String method, String path, int allowedStatus, String marks) {
        boolean allows(Caller caller) {
            return marks.replace(" ", "").charAt(caller.column()) == '+';
        }
    }

    //                                                                   anonymous
    //                                                                   | wrong password
    //                                                                   | | decide
    //                                                                   | | | audit
    //                                                                   | | | | rules-admin
    //                                                                   | | | | | metrics
    static final List<Row> TABLE = List.of(
            new Row("POST", "/api/v1/decisions", 201,                   "- - + - - -"),
            new Row("GET", "/api/v1/rules", 200,                        "- - + + + +"),
            new Row("GET", "/api/v1/rules/usage", NOT_REFUSED,          "- - - + + -"),
            new Row("GET", "/api/v1/decisions/{id}", 200,               "- - - + - -"),
            new Row("GET", "/api/v1/decisions?verdict=NOT_READY", 200,  "- - - + - -"),
            new Row("GET", "/api/v1/decisions?caller=test-all", 200,    "- - - + - -"),
            new Row("POST", "/api/v1/decisions/{id}/replay", 200,       "- - - + - -"),
            new Row("DELETE", "/api/v1/decisions/{id}", 405,            "- - - + - -"),
            new Row("GET", "/api/v1/audit/verify", 200,                 "- - - + - -"),
            new Row("GET", "/api/v1/decisions/{id}/remedies", NOT_REFUSED,  "- - - + - -"),
            new Row("GET", "/api/v1/decisions/{id}/questions", NOT_REFUSED, "- - - + - -"),
            new Row("GET", "/api/v1/rulesets/{version}", 200,           "- - - + + -"),
            new Row("GET", "/api/v1/rulesets", NOT_REFUSED,             "- - - + + -"),
            new Row("GET", "/api/v1/rulesets/{version}/diff", NOT_REFUSED, "- - - + + -"),
            new Row("POST", "/api/v1/rulesets/reload", NOT_REFUSED,     "- - - - + -"),
            new Row("POST", "/api/v1/rulesets/{version}/activate", NOT_REFUSED, "- - - - + -"),
            new Row("POST", "/api/v1/rulesets/impact", NOT_REFUSED,     "- - - - + -"),
            new Row("GET", "/actuator/health/liveness", NOT_REFUSED,    "+ - + + + +"),
            new Row("GET", "/actuator/health/readiness", NOT_REFUSED,   "+ - + + + +"),
            new Row("GET", "/actuator/health", NOT_REFUSED,             "- - - - - -"),
            new Row("GET", "/actuator/prometheus", NOT_REFUSED,         "- - - + - +"),
            new Row("GET", "/openapi.yaml", 200,                        "+ - + + + +"),
            new Row("GET", "/api/v1/not-listed", NOT_REFUSED,           "- - - - - -"),
            new Row("GET", "/error", NOT_REFUSED,                       "- - - - - -"));

    private static String decisionId;
    private static String rulesetVersion;

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : TABLE) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(row.method() + " " + row.path(), caller, row.allows(caller) ? "allowed" : "refused", row));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by {1} is {2}")
    @MethodSource("cells")
    void eachEndpointLetsThroughExactlyTheCallersOfItsRow(String endpoint, Caller caller, String outcome, Row row) {
        RestTestClient.RequestBodySpec request = caller.client(this).method(HttpMethod.valueOf(row.method())).uri(path(row.path()));
        if (row.path().equals("/api/v1/decisions") && row.method().equals("POST")) {
            request.contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN);
        }
        ExchangeResult response = request.exchange().returnResult();
        if (row.allows(caller)) {
            if (row.allowedStatus() == NOT_REFUSED) {
                assertThat(response.getStatus().value()).as(response.toString()).isNotIn(401, 403);
            } else {
                assertThat(response.getStatus().value()).as(response.toString()).isEqualTo(row.allowedStatus());
            }
            return;
        }
        int refused = caller.signedIn ? 403 : 401;
        assertThat(response.getStatus().value()).as(response.toString()).isEqualTo(refused);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(JsonMapper.shared().readTree(response.getResponseBodyContent()).get("status").asInt()).isEqualTo(refused);
        if (refused == 401) {
            assertThat(response.getResponseHeaders().get("WWW-Authenticate")).anyMatch(value -> value.startsWith("Basic realm="))
                    .anyMatch(value -> value.startsWith("Bearer"));
        }
    }

    private String path(String template) {
        if (decisionId == null) {
            var created = admin().post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult(JsonNode.class).getResponseBody();
            decisionId = created.get("decisionId").asText();
            rulesetVersion = created.get("ruleset").get("version").asText();
        }
        return template.replace("{id}", decisionId).replace("{version}", rulesetVersion);
    }
}
