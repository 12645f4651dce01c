package nl.draagvlak.ruleset.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.draagvlak.audit.RuleUsageQuery;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleInfo;
import nl.draagvlak.ruleset.ActiveRuleset;
import nl.draagvlak.ruleset.UnknownRulesetException;
import nl.draagvlak.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/rules/usage}: how often each rule fired in the stored decisions of a period,
 * every rule of the version included (zero for a rule that never fired): the active version, or
 * the one asked for, whose decisions alone are then counted.
 */
@RestController
class UsageController {

    private final ActiveRuleset rulesets;
    private final RuleUsageQuery usage;

    UsageController(ActiveRuleset rulesets, RuleUsageQuery usage) {
        this.rulesets = rulesets;
        this.usage = usage;
    }

    record RuleUsage(String ruleId, long decisions, long firings) {
    }

    record UsageView(Instant from, Instant to, String rulesetVersion, List<RuleUsage> rules) {
    }

    @GetMapping("/api/v1/rules/usage")
    UsageView usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String rulesetVersion) {
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? Instant.now() : instant("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException(List.of(new FieldError("to", "must be after from")));
        }
        CompiledRuleset ruleset;
        try {
            ruleset = rulesetVersion == null ? rulesets.current() : rulesets.compiled(rulesetVersion);
        } catch (UnknownRulesetException e) {
            throw new NotFoundException(e.getMessage());
        }
        Map<String, RuleUsageQuery.Usage> counted = usage.usage(start, end, rulesetVersion);
        List<RuleUsage> rules = ruleset.rules().stream().map(RuleInfo::id).distinct().sorted().map(id -> {
            RuleUsageQuery.Usage used = counted.getOrDefault(id, new RuleUsageQuery.Usage(0, 0));
            return new RuleUsage(id, used.decisions(), used.firings());
        }).toList();
        return new UsageView(start, end, ruleset.version(), rules);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldError(field,
                    "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z")));
        }
    }
}
