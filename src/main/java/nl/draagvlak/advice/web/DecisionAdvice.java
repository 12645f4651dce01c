package nl.draagvlak.advice.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.draagvlak.advice.QuestionSearch;
import nl.draagvlak.advice.Questions;
import nl.draagvlak.advice.RemedySearch;
import nl.draagvlak.advice.Remedies;
import nl.draagvlak.audit.StoredDecision;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.springframework.stereotype.Component;

/**
 * The remedies and questions of a stored decision: its stored request, searched on the ruleset
 * version it was decided with, remedies within {@code draagvlak.remedies.time-limit}. The API and
 * the console's decision page both answer from here.
 */
@Component
public class DecisionAdvice {

    public static final int DEFAULT_LIMIT = 3;

    private final ActiveRuleset rulesets;
    private final RemedySearch remedies;
    private final QuestionSearch questions;
    private final RemediesProperties properties;

    DecisionAdvice(ActiveRuleset rulesets, DecisionEngine engine, RemediesProperties properties) {
        this.rulesets = rulesets;
        this.remedies = new RemedySearch(engine);
        this.questions = new QuestionSearch(engine);
        this.properties = properties;
    }

    /** Up to {@code limit} smallest remedies per better verdict. */
    public Remedies remedies(StoredDecision stored, int limit) {
        return remedies.search(ruleset(stored), request(stored), limit, properties.timeLimit());
    }

    public Questions questions(StoredDecision stored) {
        return questions.search(ruleset(stored), request(stored));
    }

    /** The version the decision was made with: the active one, or one from the history, compiled again. */
    private CompiledRuleset ruleset(StoredDecision stored) {
        return rulesets.compiled(stored.rulesetVersion());
    }

    private static Map<String, Object> request(StoredDecision stored) {
        return RequestSpace.parse(stored.requestBody().getBytes(StandardCharsets.UTF_8));
    }
}
