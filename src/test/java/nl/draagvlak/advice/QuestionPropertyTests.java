package nl.draagvlak.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.engine.ThresholdLint;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.model.Verdict;
import org.junit.jupiter.api.Test;

/** Questions over generated requests: each listed value, filled in alone and decided, gives the verdict stated. */
class QuestionPropertyTests {

    private final QuestionSearch search = new QuestionSearch(new DecisionEngine());

    @Property(tries = 60)
    void eachValueFilledInGivesTheStatedVerdict(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        CompiledRuleset ruleset = AdviceRequests.catalogue();
        RequestSpace space = new RequestSpace(ThresholdLint.numbers(ruleset.files()));
        Map<String, Object> request = space.random(seed, 1).get(0);
        Questions questions = search.search(ruleset, request);
        int previousSpread = Integer.MAX_VALUE;
        for (Question question : questions.questions()) {
            assertThat(RemedyPropertyTests.valueAt(space, request, question.path())).isNull();
            long spread = question.outcomes().stream().map(Question.Outcome::verdict).distinct().count();
            assertThat(spread).isLessThanOrEqualTo(previousSpread);
            previousSpread = (int) spread;
            for (Question.Outcome outcome : question.outcomes()) {
                Map<String, Object> filled = RequestSpace.with(request,
                        RemedyPropertyTests.input(space, request, question.path()), outcome.value());
                assertThat(RemedyPropertyTests.decide(ruleset, filled).verdict().name())
                        .as(question.path() + " = " + outcome.value()).isEqualTo(outcome.verdict());
            }
        }
    }

    @Test
    void anAbsentStakeholderListIsOneQuestionWithoutOutcomes() {
        Questions questions = search.search(AdviceRequests.catalogue(), AdviceRequests.parse(
                "{\"initiative\":{\"kind\":\"ANALYTICS_SOLUTION\",\"organisationType\":\"COMPANY\"}}"));
        assertThat(questions.questions()).filteredOn(question -> question.path().equals("stakeholders"))
                .singleElement().satisfies(question -> assertThat(question.outcomes()).isEmpty());
    }

    @Test
    void numbersAreAskedEitherSideOfEachThreshold() {
        Questions questions = search.search(AdviceRequests.catalogue(), AdviceRequests.parse(
                "{\"initiative\":{\"kind\":\"MULTICHANNEL_MIGRATION\",\"organisationType\":\"MUNICIPALITY\"},"
                        + "\"designStrategy\":{\"ambition\":\"RADICAL_REDESIGN\"}}"));
        assertThat(questions.questions()).filteredOn(question -> question.path().equals("initiative.leadTimeMonths"))
                .singleElement().satisfies(question -> assertThat(question.outcomes())
                        .extracting(Question.Outcome::value).containsExactly(11, 12, 13, 23, 24, 25));
    }

    @Test
    void theAnswersToAnInsufficientDecisionIncludeWhatWouldSettleIt() {
        Map<String, Object> request = AdviceRequests.parse(
                "{\"initiative\":{\"kind\":\"OTHER_CHANGE\",\"organisationType\":\"COMPANY\"},"
                        + "\"preconditions\":{\"improvesService\":true,\"efficiencyGain\":true}}");
        assertThat(RemedyPropertyTests.decide(AdviceRequests.catalogue(), request).verdict())
                .isEqualTo(Verdict.INSUFFICIENT_INFORMATION);
        Questions questions = search.search(AdviceRequests.catalogue(), request);
        assertThat(questions.questions()).extracting(Question::path).contains("preconditions.backOfficeInOrder");
        assertThat(questions.engineRuns()).isPositive();
    }
}
