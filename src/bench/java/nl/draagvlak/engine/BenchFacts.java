package nl.draagvlak.engine;

import java.util.List;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.model.Fact;
import org.kie.api.KieBase;

/**
 * What the bench's peer ({@code bench.peer}) shares with the service, opened to it: the conversion
 * of a request to the facts of the model, and the compiled KieBase of a ruleset.
 */
public final class BenchFacts {

    private BenchFacts() {
    }

    public static List<Fact> of(DecisionRequest request) {
        return RequestFacts.of(request);
    }

    public static KieBase kieBaseOf(CompiledRuleset ruleset) {
        return ruleset.kieBase();
    }
}
