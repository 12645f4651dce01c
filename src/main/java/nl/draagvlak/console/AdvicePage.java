package nl.draagvlak.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.advice.Change;
import nl.draagvlak.advice.FindingRef;
import nl.draagvlak.advice.Question;
import nl.draagvlak.advice.Questions;
import nl.draagvlak.advice.Remedies;
import nl.draagvlak.advice.Remedy;

/**
 * The decision page's remedies (grouped by the better verdict they reach, READY first) and
 * questions, as {@code GET /api/v1/decisions/{id}/remedies} and {@code .../questions} answer them,
 * with paths and values in words beside the paths themselves.
 */
record AdvicePage(boolean complete, List<Group> groups, List<Ask> questions) {

    record Group(String verdict, List<Fix> remedies) {
    }

    record Fix(List<Step> changes, List<String> removes, List<String> adds) {
    }

    record Step(String path, String label, String from, String to) {
    }

    record Ask(String path, String label, List<Answer> outcomes) {
    }

    record Answer(String value, String verdict) {
    }

    static AdvicePage of(Remedies remedies, Questions questions, DecisionPages pages, Labels labels) {
        Map<String, List<Fix>> byVerdict = new LinkedHashMap<>();
        for (Remedy remedy : remedies.remedies()) {
            List<Step> steps = new ArrayList<>();
            for (Change change : remedy.changes()) {
                steps.add(new Step(change.path(), pages.path(change.path()), value(change.from(), labels),
                        value(change.to(), labels)));
            }
            byVerdict.computeIfAbsent(remedy.verdict(), verdict -> new ArrayList<>())
                    .add(new Fix(steps, rules(remedy.removes()), rules(remedy.adds())));
        }
        List<Group> groups = new ArrayList<>();
        byVerdict.forEach((verdict, fixes) -> groups.add(new Group(verdict, fixes)));
        List<Ask> asks = new ArrayList<>();
        for (Question question : questions.questions()) {
            List<Answer> answers = new ArrayList<>();
            for (Question.Outcome outcome : question.outcomes()) {
                answers.add(new Answer(value(outcome.value(), labels), outcome.verdict()));
            }
            asks.add(new Ask(question.path(), pages.path(question.path()), answers));
        }
        return new AdvicePage(remedies.complete(), groups, asks);
    }

    private static String value(Object value, Labels labels) {
        return labels.value(value == null ? null : String.valueOf(value));
    }

    /** {@code MIG-X} or, for a finding about a stakeholder, {@code MIG-X (stakeholder 0)}. */
    private static List<String> rules(List<FindingRef> findings) {
        List<String> rules = new ArrayList<>();
        for (FindingRef finding : findings) {
            rules.add(finding.stakeholderIndex() == null ? finding.ruleId()
                    : finding.ruleId() + " (" + finding.subject() + " " + finding.stakeholderIndex() + ")");
        }
        return rules;
    }
}
