package bench.peer;

import java.nio.file.Path;
import java.util.Map;
import nl.draagvlak.engine.BenchFacts;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.model.RuleMeta;
import org.kie.api.KieBase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules, compiled once at start (executable model, no cache): the KieBase every request's
 * session comes from, and each rule's metadata, which the rules' consequences need through the
 * {@code assessment} global. Compiling is start-up work, so the peer uses the service's compiler
 * for it; nothing of the service's engine runs per request.
 */
@Component
class PeerRules {

    private final KieBase kieBase;
    private final Map<String, RuleMeta> metaByName;

    PeerRules(@Value("${peer.rules-dir:rules}") Path dir) {
        CompiledRuleset ruleset = new RulesetCompiler().compile(RuleFolder.read(dir));
        this.kieBase = BenchFacts.kieBaseOf(ruleset);
        this.metaByName = ruleset.metaByName();
    }

    KieBase kieBase() {
        return kieBase;
    }

    Map<String, RuleMeta> metaByName() {
        return metaByName;
    }
}
