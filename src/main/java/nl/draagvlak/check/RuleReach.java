package nl.draagvlak.check;

import nl.draagvlak.contract.RequestSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;

/**
 * Finds the finding rules that can never fire. A rule that decides on a conclusion no helper rule
 * draws is never even activated; one whose conditions exclude each other is at most "not
 * assessed". Either would drop out of every decision unseen.
 *
 * <p>A rule fires for some request if it fires for a scenario's; otherwise the search tries every
 * value of every input with the rest unknown (unknown never rules a condition out, so this
 * activates every rule that only its scope holds back) and a fixed set of requests drawn at
 * random, and wherever the rule is not assessed it tries every combination of values of the
 * inputs it misses, which are exactly the ones that could make it fire (catalogue, reading 11).
 */
public final class RuleReach {

    static final int RANDOM_REQUESTS = 200;
    private static final int MOST_COMBINATIONS = 512;
    private static final long SEED = 20261201L;

    private final DecisionEngine engine = new DecisionEngine();

    /** A finding rule that can never fire, and whether any request activated it at all. */
    public record Unreachable(RuleInfo rule, boolean everActivated) {

        public String describe() {
            return rule.file() + ":" + rule.line() + ":0 " + rule.id() + " can never fire: "
                    + (everActivated ? "it is at most not assessed, whatever its missing inputs are (conditions"
                            + " that exclude each other?)"
                    : "no request activates it, neither as a finding nor as not assessed (a conclusion no rule"
                            + " derives?)");
        }
    }

    public List<Unreachable> neverFiring(CompiledRuleset ruleset, List<DecisionRequest> scenarios, RequestSpace space) {
        Set<String> notFired = new HashSet<>();
        ruleset.rules().stream().filter(rule -> rule.role() == RuleInfo.Role.FINDING).map(RuleInfo::id)
                .forEach(notFired::add);
        Set<String> activated = new HashSet<>();
        for (DecisionRequest request : scenarios) {
            decide(ruleset, request, notFired, activated);
        }
        List<Map<String, Object>> generated = new ArrayList<>();
        if (!notFired.isEmpty()) {
            generated.addAll(space.singleKnownInputs());
            generated.addAll(space.random(SEED, RANDOM_REQUESTS));
        }
        for (Map<String, Object> request : generated) {
            if (notFired.isEmpty()) {
                break;
            }
            DecisionRequest read = space.read(request);
            if (read == null) {
                continue;
            }
            for (NotAssessed gap : decide(ruleset, read, notFired, activated)) {
                if (notFired.contains(gap.ruleId())) {
                    tryEveryValueOfItsMissingInputs(ruleset, space, request, gap, notFired, activated);
                }
            }
        }
        return ruleset.rules().stream().filter(rule -> notFired.contains(rule.id()))
                .map(rule -> new Unreachable(rule, activated.contains(rule.id()))).toList();
    }

    private void tryEveryValueOfItsMissingInputs(CompiledRuleset ruleset, RequestSpace space,
                                                 Map<String, Object> request, NotAssessed gap, Set<String> notFired,
                                                 Set<String> activated) {
        Map<List<Object>, Map<String, Object>> combinations =
                space.combinations(request, gap.missing(), MOST_COMBINATIONS);
        if (combinations == null) {
            return;
        }
        for (Map<String, Object> known : combinations.values()) {
            DecisionRequest read = space.read(known);
            if (read != null) {
                decide(ruleset, read, notFired, activated);
                if (!notFired.contains(gap.ruleId())) {
                    return;
                }
            }
        }
    }

    /** Decides the request, records which rules fired or were activated, and answers what was not assessed. */
    private List<NotAssessed> decide(CompiledRuleset ruleset, DecisionRequest request, Set<String> notFired,
                                     Set<String> activated) {
        Decision decision = engine.decide(ruleset, request, false);
        for (Finding finding : decision.findings()) {
            notFired.remove(finding.ruleId());
            activated.add(finding.ruleId());
        }
        decision.notAssessed().stream().map(NotAssessed::ruleId).forEach(activated::add);
        return decision.notAssessed();
    }
}
