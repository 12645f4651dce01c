package nl.draagvlak.advice.web;

import java.util.List;
import nl.draagvlak.advice.Question;
import nl.draagvlak.advice.Questions;
import nl.draagvlak.advice.Remedies;
import nl.draagvlak.advice.Remedy;
import nl.draagvlak.audit.AuditQueries;
import nl.draagvlak.audit.StoredDecision;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/decisions/{id}/remedies} and {@code .../questions}: the stored request,
 * searched on the ruleset version it was decided with ({@link DecisionAdvice}). Who may ask is
 * {@code security/OwnDecisionAccess}'s to say.
 */
@RestController
class AdviceController {

    static final int DEFAULT_LIMIT = DecisionAdvice.DEFAULT_LIMIT;
    static final int MAX_LIMIT = 20;

    record RemediesView(String decisionId, String rulesetVersion, boolean complete, List<Remedy> remedies,
                        int engineRuns) {
    }

    record QuestionsView(String decisionId, List<Question> questions, int engineRuns) {
    }

    private final AuditQueries queries;
    private final DecisionAdvice advice;

    AdviceController(AuditQueries queries, DecisionAdvice advice) {
        this.queries = queries;
        this.advice = advice;
    }

    @GetMapping("/api/v1/decisions/{id}/remedies")
    RemediesView remedies(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        int most = limit == null ? DEFAULT_LIMIT : limit;
        if (most < 1 || most > MAX_LIMIT) {
            throw new InvalidRequestException(List.of(new FieldError("limit", "must be from 1 to " + MAX_LIMIT)));
        }
        StoredDecision stored = find(id);
        Remedies found = advice.remedies(stored, most);
        return new RemediesView(stored.decisionId(), stored.rulesetVersion(), found.complete(), found.remedies(),
                found.engineRuns());
    }

    @GetMapping("/api/v1/decisions/{id}/questions")
    QuestionsView questions(@PathVariable String id) {
        StoredDecision stored = find(id);
        Questions found = advice.questions(stored);
        return new QuestionsView(stored.decisionId(), found.questions(), found.engineRuns());
    }

    private StoredDecision find(String id) {
        return queries.byId(id).orElseThrow(() -> new NotFoundException("no decision " + id + " is stored"));
    }
}
