package nl.draagvlak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The try form's fields become a request in which unknown stays unknown. */
class TryRequestTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFieldLeftUnknownOrEmptyIsLeftOutAndSoIsASectionWithNothingGiven() {
        ObjectNode body = TryRequest.body(Map.of(
                "initiative.kind", new String[] {"OTHER_CHANGE"},
                "initiative.organisationType", new String[] {"COMPANY"},
                "initiative.leadTimeMonths", new String[] {""},
                "initiative.businessCase", new String[] {"unknown"},
                "designStrategy.startingPoint", new String[] {"unknown"},
                "preconditions.backOfficeInOrder", new String[] {"false"}), 0, json);
        assertThat(body.toString()).isEqualTo("{\"initiative\":{\"kind\":\"OTHER_CHANGE\",\"organisationType\":\"COMPANY\"},"
                + "\"preconditions\":{\"backOfficeInOrder\":false}}");
    }

    @Test
    void theInitiativeIsAlwaysSentSoThatTheContractNamesWhatIsRequired() {
        assertThat(TryRequest.body(Map.of(), 2, json).toString()).isEqualTo("{\"initiative\":{}}");
    }

    @Test
    void aStakeholderRowWithNothingInItIsLeftOutAndResistanceIsUnknownUntilTicked() {
        ObjectNode body = TryRequest.body(Map.of(
                "initiative.kind", new String[] {"OTHER_CHANGE"},
                "stakeholders[0].department", new String[] {"unknown"},
                "stakeholders[1].department", new String[] {"IT"},
                "stakeholders[1].resistance", new String[] {"none"},
                "stakeholders[2].department", new String[] {"MARKETING"},
                "stakeholders[2].affected", new String[] {"true"},
                "stakeholders[2].resistance", new String[] {"DISTRUSTS_TECHNIQUE"},
                "stakeholders[3].department", new String[] {"FINANCE"}), 4, json);
        assertThat(body.get("stakeholders").toString()).isEqualTo("[{\"department\":\"IT\",\"resistance\":[]},"
                + "{\"department\":\"MARKETING\",\"affected\":true,\"resistance\":[\"DISTRUSTS_TECHNIQUE\"]},"
                + "{\"department\":\"FINANCE\"}]");
    }

    @Test
    void aNumberThatIsNotOneGoesAsTypedForTheContractToRefuseByName() {
        ObjectNode body = TryRequest.body(Map.of("initiative.leadTimeMonths", new String[] {"eighteen"}), 0, json);
        assertThat(body.get("initiative").get("leadTimeMonths").isString()).isTrue();
    }
}
