package nl.draagvlak.ruleset.web;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.draagvlak.audit.DecisionSamples;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RulesetCompilationException;
import nl.draagvlak.ruleset.Activation;
import nl.draagvlak.ruleset.ActiveRuleset;
import nl.draagvlak.ruleset.CandidateOutcome;
import nl.draagvlak.ruleset.ImpactAnalysis;
import nl.draagvlak.ruleset.RulesetDiff;
import nl.draagvlak.ruleset.RulesetRejectedException;
import nl.draagvlak.ruleset.UnknownRulesetException;
import nl.draagvlak.web.NotFoundException;
import nl.draagvlak.web.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What a rules administrator uses: the gate's status, a reload now, the versions activated so far,
 * a one-call rollback, the diff of two versions, and the impact of a candidate on past decisions.
 */
@RestController
class RulesetController {

    private final ActiveRuleset rulesets;
    private final DecisionSamples samples;
    private final ImpactAnalysis impact;

    RulesetController(ActiveRuleset rulesets, DecisionSamples samples, DecisionEngine engine) {
        this.rulesets = rulesets;
        this.samples = samples;
        this.impact = new ImpactAnalysis(engine);
    }

    record ActiveView(String version, Instant activatedAt, String activatedBy, Instant servingSince) {
    }

    /** Whether this node follows the store's active version, and why it does not decide with it, if so. */
    record SyncView(boolean followsStore, String problem) {
    }

    record StatusView(ActiveView active, boolean watching, CandidateOutcome lastCandidate, SyncView sync) {
    }

    record VersionView(String version, Instant activeFrom, Instant activeTo, String activatedBy, String reason,
                       List<String> failingScenarios) {
    }

    record Versions(List<VersionView> items) {
    }

    @GetMapping("/api/v1/rulesets/status")
    StatusView status() {
        ActiveRuleset.Active active = rulesets.active();
        return new StatusView(new ActiveView(active.ruleset().version(), active.activatedAt(), active.activatedBy(),
                active.servingSince()), rulesets.watching(), rulesets.lastCandidate(),
                new SyncView(rulesets.followsStore(), rulesets.syncProblem()));
    }

    @PostMapping("/api/v1/rulesets/reload")
    CandidateOutcome reload(Principal principal) {
        return rulesets.reloadNow(who(principal));
    }

    @GetMapping("/api/v1/rulesets")
    Versions versions() {
        List<Activation> activations = rulesets.activations();
        List<VersionView> items = new ArrayList<>();
        Instant until = null;
        for (Activation activation : activations) {
            items.add(new VersionView(activation.version(), activation.activatedAt(), until, activation.activatedBy(),
                    activation.reason(), activation.failingScenarios()));
            until = activation.activatedAt();
        }
        return new Versions(items);
    }

    @PostMapping("/api/v1/rulesets/{version}/activate")
    CandidateOutcome activate(@PathVariable String version, @RequestParam(required = false) String reason,
                              Principal principal) {
        try {
            return rulesets.activate(version, who(principal), reason);
        } catch (UnknownRulesetException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    @GetMapping("/api/v1/rulesets/{a}/diff/{b}")
    RulesetDiff.Result diff(@PathVariable String a, @PathVariable String b) {
        return RulesetDiff.between(compiled(a), compiled(b));
    }

    @PostMapping("/api/v1/rulesets/impact")
    ImpactAnalysis.Report impact(@RequestBody JsonNode body) {
        ImpactRequest request = ImpactRequest.read(body);
        CompiledRuleset candidate = request.version() != null ? compiled(request.version())
                : rulesets.compileCandidate(request.files());
        List<DecisionSamples.Sampled> sample = request.last() != null ? samples.last(request.last())
                : samples.between(request.from(), request.to(), ImpactRequest.MAX_SAMPLE);
        return impact.replay(candidate, sample.stream()
                .map(s -> new ImpactAnalysis.Past(s.decisionId(), s.requestBody(), s.responseBody())).toList());
    }

    @ExceptionHandler(RulesetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RulesetRejectedException e) {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.CONFLICT, "ruleset-rejected",
                "The ruleset does not compile or lint", e.getMessage());
        problem.setProperty("problems", e.outcome().problems());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(RulesetCompilationException.class)
    ResponseEntity<ProblemDetail> doesNotCompile(RulesetCompilationException e) {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.CONFLICT, "ruleset-rejected",
                "The ruleset does not compile or lint", "the candidate does not compile: " + e.problems().size()
                        + " problem(s)");
        problem.setProperty("problems", e.problems());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private CompiledRuleset compiled(String version) {
        try {
            return rulesets.compiled("active".equals(version) ? rulesets.current().version() : version);
        } catch (UnknownRulesetException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** Who asked: the authenticated caller, or "api" where the service runs without authentication. */
    static String who(Principal principal) {
        return principal == null || principal.getName() == null ? "api" : principal.getName();
    }
}
