package nl.draagvlak.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.draagvlak.model.Resistance;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

class RequestReaderTests {

    private final RequestReader reader = new RequestReader();

    @Test
    void theResistanceTypesOfCatalogue11AreRead() {
        DecisionRequest request = reader.read(("""
                {"initiative":{"kind":"ANALYTICS_SOLUTION","organisationType":"COMPANY"},
                 "stakeholders":[{"department":"FINANCE","resistance":["SEES_NO_NEED","NOT_INVENTED_HERE"]}]}
                """).getBytes(StandardCharsets.UTF_8));

        assertThat(request.stakeholders().get(0).resistance())
                .containsExactly(Resistance.SEES_NO_NEED, Resistance.NOT_INVENTED_HERE);
    }

    @Test
    void anUnknownResistanceTypeIsRefusedNamingEveryTypeThereIs() {
        assertThatThrownBy(() -> reader.read(("""
                {"initiative":{"kind":"OTHER_CHANGE","organisationType":"COMPANY"},
                 "stakeholders":[{"department":"FINANCE","resistance":["SEES_NO_POINT"]}]}
                """).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("stakeholders[0].resistance[0]");
                            assertThat(error.message()).contains("AVERSE_TO_CHANGE, SEES_NO_NEED, NOT_INVENTED_HERE");
                        }));
    }

    @Test
    void everyRequestExampleOfTheOpenApiDescriptionIsAValidRequest() {
        Map<String, Object> examples = requestExamples();
        assertThat(examples).containsKeys("municipality", "analytics", "minimal");
        JsonMapper json = JsonMapper.builder().build();
        examples.forEach((name, example) -> {
            Object value = ((Map<?, ?>) example).get("value");
            assertThat(reader.read(json.writeValueAsBytes(value))).as(name).isNotNull();
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> requestExamples() {
        try (InputStream in = RequestReaderTests.class.getResourceAsStream("/static/openapi.yaml")) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    document.get("paths")).get("/api/v1/decisions")).get("post");
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) post.get("requestBody"))
                    .get("content");
            return (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
