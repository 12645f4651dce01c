package nl.draagvlak.scenario;

import java.util.List;
import nl.draagvlak.model.Verdict;

/**
 * A policy owner's scenario ({@code test-cases/<theme>/<what-it-shows>.yaml}): a request exactly
 * as the API takes it, and what the decision must and must not contain.
 *
 * @param file        the scenario's path, as the policy owner names it
 * @param requestJson the request, as JSON bytes, read by the API's own strict reader
 */
public record Scenario(String file, String description, byte[] requestJson, Verdict verdict, String verdictRule,
                       List<Expectation> fires, List<Expectation> doesNotFire,
                       List<Expectation> notAssessed, List<Expectation> notListed, List<ExpectedRemedy> remedies) {

    /** A remedy the service must advise: the verdict it reaches and its changes ({@code path}, {@code to}). */
    public record ExpectedRemedy(Verdict verdict, java.util.Map<String, Object> changes) {
    }

    public Scenario(String file, String description, byte[] requestJson, Verdict verdict, String verdictRule,
                    List<Expectation> fires, List<Expectation> doesNotFire, List<Expectation> notAssessed,
                    List<Expectation> notListed) {
        this(file, description, requestJson, verdict, verdictRule, fires, doesNotFire, notAssessed, notListed,
                List.of());
    }
}
