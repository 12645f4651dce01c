package nl.draagvlak.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.draagvlak.audit.RuleUsageQuery;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /console/rules}: every rule of a version with its metadata and its use over a period, never-fired rules marked. */
@Controller
class RulesPageController {

    private final ActiveRuleset rulesets;
    private final RuleUsageQuery usage;

    RulesPageController(ActiveRuleset rulesets, RuleUsageQuery usage) {
        this.rulesets = rulesets;
        this.usage = usage;
    }

    record Rule(RuleInfo info, long decisions, long firings) {

        public boolean neverFired() {
            return firings == 0;
        }
    }

    @GetMapping("/console/rules")
    String rules(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String rulesetVersion, Model model) {
        Instant start = ConsoleTimes.parse("from", from);
        Instant end = ConsoleTimes.parse("to", to);
        Instant countFrom = start == null ? Instant.EPOCH : start;
        Instant countTo = end == null ? Instant.now() : end;
        if (!countFrom.isBefore(countTo)) {
            throw new InvalidRequestException(List.of(new FieldError("to", "must be after from")));
        }
        String version = ConsoleTimes.blankToNull(rulesetVersion);
        CompiledRuleset ruleset = version == null ? rulesets.current() : rulesets.compiled(version);
        Map<String, RuleUsageQuery.Usage> counted = usage.usage(countFrom, countTo, version);
        List<Rule> rules = ruleset.rules().stream().map(rule -> {
            RuleUsageQuery.Usage used = counted.getOrDefault(rule.id(), new RuleUsageQuery.Usage(0, 0));
            return new Rule(rule, used.decisions(), used.firings());
        }).toList();
        model.addAttribute("rules", rules);
        model.addAttribute("version", ruleset.version());
        model.addAttribute("from", ConsoleTimes.blankToNull(from));
        model.addAttribute("to", ConsoleTimes.blankToNull(to));
        model.addAttribute("rulesetVersion", version);
        model.addAttribute("neverFired", rules.stream().filter(Rule::neverFired).count());
        model.addAttribute("versions", rulesets.activations().stream().map(a -> a.version()).distinct().toList());
        model.addAttribute("chart", BarChart.rows(rules.stream().map(rule -> rule.info().id()).toList(),
                rules.stream().map(Rule::firings).toList()));
        return "console/rules";
    }
}
