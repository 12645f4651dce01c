package nl.draagvlak.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.Service;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code logging.structured.format.console=ecs} every log line is one JSON object, and each
 * line written for a decision request names the request, the caller and, once made, the decision.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aStructuredLineOfADecisionRequestNamesTheRequestTheDecisionAndTheCaller(CapturedOutput output) {
        String decisionId;
        try (Service service = Service.start("spring.datasource.url=" + TestDatabases.h2Url(),
                "draagvlak.rules.reload-interval=0s", "logging.structured.format.console=ecs",
                "logging.level.nl.draagvlak.decision=debug")) {
            decisionId = TestUsers.restClient(service.port()).post().uri("/api/v1/decisions")
                    .header("X-Request-Id", "structured-log-1").contentType(MediaType.APPLICATION_JSON)
                    .body(Requests.PLAN).exchange().expectStatus().isCreated()
                    .returnResult(JsonNode.class).getResponseBody().get("decisionId").asString();
        } finally {
            // Boot keeps the format in a system property: later services in this JVM log plain text again.
            System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        }

        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(JSON::readTree).toList();
        List<JsonNode> ofTheRequest = lines.stream()
                .filter(line -> "structured-log-1".equals(line.path("requestId").asString(null))).toList();
        JsonNode answered = ofTheRequest.stream()
                .filter(line -> line.path("message").asString("").startsWith("Answered decision")).findFirst()
                .orElseThrow(() -> new AssertionError("no structured line of the request: " + ofTheRequest));
        assertThat(answered.path("decisionId").asString(null)).isEqualTo(decisionId);
        assertThat(answered.path("caller").asString(null)).isEqualTo(TestUsers.ALL.name());
        assertThat(answered.path("log.level").asString(answered.path("log").path("level").asString(null)))
                .isEqualTo("DEBUG");
    }
}
