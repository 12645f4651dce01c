package nl.draagvlak.scenario;

import java.util.List;
import nl.draagvlak.engine.Decision;

/** The outcome of one scenario: the decision made (null if the request was invalid) and the differences. */
public record ScenarioResult(Scenario scenario, Decision decision, List<String> differences) {

    public boolean passed() {
        return differences.isEmpty();
    }
}
