package nl.draagvlak.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What a client gets for its Accept header: answers in JSON, every error a problem in
 * {@code application/problem+json} whatever JSON it accepts, a 406 problem only when it accepts
 * no JSON at all; every problem names the request id that its log lines carry.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.nl.draagvlak.web.ProblemHandler=DEBUG")
class ProblemNegotiationIntegrationTests {

    private static final String INVALID = "{\"initiative\":{\"kind\":\"OTHER_CHANGE\",\"organisationType\":\"COMPANY\"},\"colour\":\"red\"}";

    @LocalServerPort
    int port;
    RestTestClient client;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
    }

    @BeforeEach
    void client() {
        client = nl.draagvlak.support.TestUsers.restClient(port);
    }

    @Test
    void anInvalidPostAcceptingOnlyProblemJsonGetsItsBadRequestProblem() {
        client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_PROBLEM_JSON).body(INVALID).exchange()
                .expectStatus().isEqualTo(400)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://draagvlak.nl/problems/invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("colour");
    }

    static Stream<String> acceptHeadersThatTakeJson() {
        return Stream.of("application/json", "application/problem+json", "*/*", "application/*",
                "application/*+json", "text/html, */*;q=0.1", "application/json;q=0, */*");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @MethodSource("acceptHeadersThatTakeJson")
    void everyErrorIsAProblemJsonBodyForAClientThatTakesJson(String accept) {
        client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).header("Accept", accept)
                .body(INVALID).exchange()
                .expectStatus().isEqualTo(400)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/v1/decisions?limit=ten").header("Accept", accept).exchange()
                .expectStatus().isEqualTo(400)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        client.get().uri("/api/v1/decisions/01900000-0000-7000-8000-000000000000").header("Accept", accept)
                .exchange()
                .expectStatus().isEqualTo(404)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // a path no access rule lists is denied to everyone, signed in or not (deny by default)
        client.get().uri("/api/v1/no-such-endpoint").header("Accept", accept).exchange()
                .expectStatus().isEqualTo(403)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersAreJsonNotProblemsWhenTheClientNamesOnlyTheProblemType() {
        client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_PROBLEM_JSON).body(Requests.PLAN).exchange()
                .expectStatus().isEqualTo(201)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        client.get().uri("/api/v1/rules").accept(MediaType.APPLICATION_PROBLEM_JSON).exchange()
                .expectStatus().isEqualTo(200)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void aClientThatAcceptsNoJsonGetsA406ProblemAndNothingIsDecided() {
        long stored = storedDecisions();
        for (String accept : new String[] {"text/html", "application/xml, text/plain"}) {
            client.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).header("Accept", accept)
                    .body(Requests.PLAN).exchange()
                    .expectStatus().isEqualTo(406)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://draagvlak.nl/problems/406")
                    .jsonPath("$.status").isEqualTo(406);
            client.get().uri("/api/v1/decisions?limit=ten").header("Accept", accept).exchange()
                    .expectStatus().isEqualTo(406)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(storedDecisions()).isEqualTo(stored);
    }

    @Test
    void everyProblemCarriesTheRequestIdOfItsResponse() {
        EntityExchangeResult<byte[]> notFound = client.get().uri("/api/v1/decisions/unknown").exchange()
                .expectStatus().isEqualTo(404).expectBody().returnResult();
        String id = notFound.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(id).isNotBlank();
        client.get().uri("/api/v1/decisions/unknown").exchange()
                .expectHeader().value("X-Request-Id", other -> assertThat(other).isNotEqualTo(id));
        assertThat(new String(notFound.getResponseBody(), StandardCharsets.UTF_8)).contains("\"requestId\":\"" + id + "\"");

        client.get().uri("/api/v1/decisions/unknown").header("X-Request-Id", "order-42.retry:1").exchange()
                .expectHeader().valueEquals("X-Request-Id", "order-42.retry:1")
                .expectBody().jsonPath("$.requestId").isEqualTo("order-42.retry:1");
        client.get().uri("/api/v1/decisions/unknown").header("X-Request-Id", "<script>").exchange()
                .expectHeader().value("X-Request-Id", replaced -> assertThat(replaced).doesNotContain("<"))
                .expectBody().jsonPath("$.requestId").value(String.class, replaced -> assertThat(replaced).doesNotContain("<"));
        client.get().uri("/api/v1/rules").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void theOpenApiDocumentIsServedAsYaml() {
        client.get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"));
    }

    @Test
    void aClientThatHangsUpMidBodyIsLoggedAtDebugNotAsAnError(CapturedOutput output) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + nl.draagvlak.support.TestUsers.basicAll() + "\r\n"
                    + "Content-Length: 5000\r\n\r\n{\"initiative\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Client went away"));
        assertThat(output.getOut()).doesNotContain("Unexpected error");
    }

    private long storedDecisions() {
        return client.get().uri("/api/v1/audit/verify").exchange().expectStatus().isOk()
                .returnResult(tools.jackson.databind.JsonNode.class).getResponseBody().get("checked").asLong();
    }
}
