package nl.draagvlak.decision;

import java.util.List;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/rules}: the active ruleset, each rule with its metadata and the inputs it needs.
 * How reloads went is not here but in {@code GET /api/v1/rulesets/status}.
 */
@RestController
class RulesController {

    private final ActiveRuleset rulesets;

    RulesController(ActiveRuleset rulesets) {
        this.rulesets = rulesets;
    }

    record RuleView(String id, String name, String file, int line, String role, String type, String severity,
                    String verdict, String source, String rationale, List<String> needs) {
    }

    record RulesetView(String version, int count, List<RuleView> rules) {
    }

    @GetMapping("/api/v1/rules")
    RulesetView rules() {
        CompiledRuleset ruleset = rulesets.current();
        return new RulesetView(ruleset.version(), ruleset.rules().size(),
                ruleset.rules().stream().map(RulesController::view).toList());
    }

    private static RuleView view(RuleInfo rule) {
        return new RuleView(rule.id(), rule.name(), rule.file(), rule.line(), rule.role().name(),
                rule.type() == null ? null : rule.type().name(),
                rule.severity() == null ? null : rule.severity().name(),
                rule.verdict() == null ? null : rule.verdict().name(),
                rule.source(), rule.rationale(), rule.needs());
    }
}
