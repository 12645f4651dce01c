package nl.draagvlak.console;

import nl.draagvlak.advice.web.DecisionAdvice;
import nl.draagvlak.audit.AuditQueries;
import nl.draagvlak.audit.RulesetArchive;
import nl.draagvlak.audit.StoredDecision;
import nl.draagvlak.audit.DecisionReplay;
import nl.draagvlak.web.NotFoundException;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /console/decisions/{id}}: one decision, why it came out so, and its replay; with
 * {@code ?advice=1} also what would improve it (remedies) and what to find out (questions). The
 * advice is asked for because its searches cost up to {@code draagvlak.remedies.time-limit} of CPU,
 * which a plain look at a decision should not pay.
 */
@Controller
class DecisionPageController {

    private final AuditQueries queries;
    private final DecisionPages pages;
    private final DecisionReplay replay;
    private final DecisionAdvice advice;
    private final Labels labels;

    DecisionPageController(AuditQueries queries, DecisionPages pages, ActiveRuleset rulesets, RulesetArchive archive,
                           DecisionEngine engine, JsonMapper json, DecisionAdvice advice, Labels labels) {
        this.queries = queries;
        this.pages = pages;
        this.advice = advice;
        this.labels = labels;
        this.replay = new DecisionReplay(rulesets, archive, engine, json);
    }

    @GetMapping("/console/decisions/{id}")
    String decision(@PathVariable String id, @RequestParam(defaultValue = "false") boolean advice, Model model) {
        StoredDecision stored = find(id);
        model.addAttribute("decision", pages.of(stored));
        addAdviceIfAsked(stored, advice, model);
        return "console/decision";
    }

    /**
     * Replays the stored request on its own ruleset (or {@code ruleset=active}) and shows the page with the result;
     * the advice only if the page it came from showed it ({@code advice=1}, a hidden field of the replay form).
     */
    @PostMapping("/console/decisions/{id}/replay")
    String replay(@PathVariable String id, @RequestParam(required = false) String ruleset,
                  @RequestParam(defaultValue = "false") boolean advice, Model model) {
        StoredDecision stored = find(id);
        String choice = ruleset == null || ruleset.isBlank() || ruleset.equals("own") ? null : ruleset;
        model.addAttribute("replay", replay.replay(stored, choice));
        model.addAttribute("decision", pages.of(stored));
        addAdviceIfAsked(stored, advice, model);
        return "console/decision";
    }

    /** Without {@code advice} the page shows the control that asks for it, and no search runs. */
    private void addAdviceIfAsked(StoredDecision stored, boolean asked, Model model) {
        if (asked) {
            model.addAttribute("advice", advice(stored));
        }
    }

    /** Remedies and questions exactly as the API answers them for this decision. */
    private AdvicePage advice(StoredDecision stored) {
        return AdvicePage.of(advice.remedies(stored, DecisionAdvice.DEFAULT_LIMIT), advice.questions(stored), pages,
                labels);
    }

    private StoredDecision find(String id) {
        return queries.byId(id).orElseThrow(() -> new NotFoundException("no decision " + id + " is stored"));
    }
}
