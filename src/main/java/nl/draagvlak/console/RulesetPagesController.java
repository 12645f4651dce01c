package nl.draagvlak.console;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import nl.draagvlak.audit.DecisionSamples;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.ruleset.Activation;
import nl.draagvlak.ruleset.ActiveRuleset;
import nl.draagvlak.ruleset.CandidateOutcome;
import nl.draagvlak.ruleset.ImpactAnalysis;
import nl.draagvlak.ruleset.RulesetDiff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * {@code /console/rulesets}: the versions with their activation times, the candidates the gate
 * rejected with their problems, a diff between any two; for rules administrators also a reload
 * now and the impact of a version on the latest decisions.
 */
@Controller
class RulesetPagesController {

    static final int IMPACT_DEFAULT = 100;
    static final int IMPACT_MAX = 10_000;

    private final ActiveRuleset rulesets;
    private final DecisionSamples samples;
    private final ImpactAnalysis impact;

    RulesetPagesController(ActiveRuleset rulesets, DecisionSamples samples, DecisionEngine engine) {
        this.rulesets = rulesets;
        this.samples = samples;
        this.impact = new ImpactAnalysis(engine);
    }

    /** A version as listed: active from its activation until the next one (null: still active). */
    record Version(String version, String activeFrom, String activeTo, String activatedBy, String reason,
                   List<String> failingScenarios, String previous) {
    }

    @GetMapping("/console/rulesets")
    String rulesets(Model model) {
        fill(model);
        return "console/rulesets";
    }

    /** The diff form's target: a GET form cannot fill a path, so this sends it to the diff's address. */
    @GetMapping("/console/rulesets/diff")
    String diffForm(@RequestParam String a, @RequestParam String b) {
        return "redirect:/console/rulesets/" + UriUtils.encodePathSegment(a.strip(), StandardCharsets.UTF_8) + "/diff/"
                + UriUtils.encodePathSegment(b.strip(), StandardCharsets.UTF_8);
    }

    @GetMapping("/console/rulesets/{a}/diff/{b}")
    String diff(@PathVariable String a, @PathVariable String b, Model model) {
        String from = "active".equals(a) ? rulesets.current().version() : a;
        String to = "active".equals(b) ? rulesets.current().version() : b;
        RulesetDiff.Result diff = RulesetDiff.between(rulesets.compiled(from), rulesets.compiled(to));
        model.addAttribute("diff", diff);
        return "console/diff";
    }

    @PostMapping("/console/rulesets/reload")
    String reload(Principal principal, Model model) {
        CandidateOutcome outcome = rulesets.reloadNow(principal.getName());
        model.addAttribute("reloaded", outcome);
        fill(model);
        return "console/rulesets";
    }

    @PostMapping("/console/rulesets/impact")
    String impact(@RequestParam String version, @RequestParam(required = false) Integer last, Model model) {
        int count = last == null ? IMPACT_DEFAULT : Math.max(1, Math.min(last, IMPACT_MAX));
        List<DecisionSamples.Sampled> sample = samples.last(count);
        ImpactAnalysis.Report report = impact.replay(rulesets.compiled(version), sample.stream()
                .map(s -> new ImpactAnalysis.Past(s.decisionId(), s.requestBody(), s.responseBody())).toList());
        model.addAttribute("impact", report);
        model.addAttribute("impactVersion", version);
        model.addAttribute("impactLast", count);
        fill(model);
        return "console/rulesets";
    }

    private void fill(Model model) {
        ActiveRuleset.Active active = rulesets.active();
        List<Activation> activations = rulesets.activations();
        List<Version> versions = new ArrayList<>();
        String until = null;
        for (int i = 0; i < activations.size(); i++) {
            Activation activation = activations.get(i);
            String previous = i + 1 < activations.size() ? activations.get(i + 1).version() : null;
            String from = activation.activatedAt().toString();
            versions.add(new Version(activation.version(), from, until, activation.activatedBy(), activation.reason(),
                    activation.failingScenarios(), previous == null || previous.equals(activation.version()) ? null
                            : previous));
            until = from;
        }
        model.addAttribute("active", active);
        model.addAttribute("watching", rulesets.watching());
        model.addAttribute("versions", versions);
        model.addAttribute("distinctVersions", versions.stream().map(Version::version).distinct().toList());
        model.addAttribute("lastCandidate", rulesets.lastCandidate());
        model.addAttribute("rejected", rulesets.rejectedCandidates());
        model.addAttribute("impactDefault", IMPACT_DEFAULT);
    }
}
