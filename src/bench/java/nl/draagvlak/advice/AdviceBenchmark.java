package nl.draagvlak.advice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.StakeholderInput;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.BenchRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time and engine runs of remedies and questions (docs/benchmarks.md, "Remedies and questions"):
 * {@code bench/advice.sh}. Each request is searched {@code WARM_UP} times unmeasured, then
 * {@code MEASURED} times; the median and the largest time are printed with the engine runs, as the
 * service answers them (remedies: limit 3, time limit 500 ms unless -Dtime-limit=...).
 *
 * <ul>
 * <li>{@code typical}: bench-requests/typical.json (the HTTP load test's request);</li>
 * <li>{@code readme}: the README's first decision (NOT_READY, 14 findings);</li>
 * <li>{@code worst}: the engine benchmark's worst case, 100 stakeholders with every resistance;</li>
 * <li>{@code worst-search}: that plan with 8 stakeholders and no resistance, so that every finding
 * has a lever and the remedy search has the most sets to try.</li>
 * </ul>
 */
public final class AdviceBenchmark {

    private static final int WARM_UP = Integer.getInteger("warm-up", 5);
    private static final int MEASURED = Integer.getInteger("measured", 9);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) {
        Duration limit = Duration.parse("PT" + System.getProperty("time-limit", "0.5") + "S");
        CompiledRuleset ruleset = BenchRequests.catalogue();
        DecisionEngine engine = new DecisionEngine();
        RemedySearch remedies = new RemedySearch(engine);
        QuestionSearch questions = new QuestionSearch(engine);
        Map<String, Map<String, Object>> requests = new LinkedHashMap<>();
        requests.put("typical", RequestSpace.parse(BenchRequests.json("typical")));
        requests.put("readme", RequestSpace.parse(readme()));
        requests.put("worst", tree(BenchRequests.worst(100)));
        requests.put("worst-search", tree(withoutResistance(BenchRequests.worst(8))));
        System.out.printf("| request | remedies median ms | max ms | engine runs | complete | remedies found "
                + "| questions median ms | max ms | engine runs | questions |%n|---|---|---|---|---|---|---|---|---|---|%n");
        for (Map.Entry<String, Map<String, Object>> entry : requests.entrySet()) {
            Map<String, Object> request = entry.getValue();
            List<Long> remedyTimes = new ArrayList<>();
            List<Long> questionTimes = new ArrayList<>();
            Remedies found = null;
            Questions asked = null;
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long start = System.nanoTime();
                found = remedies.search(ruleset, request, 3, limit);
                long middle = System.nanoTime();
                asked = questions.search(ruleset, request);
                long end = System.nanoTime();
                if (i >= WARM_UP) {
                    remedyTimes.add(middle - start);
                    questionTimes.add(end - middle);
                }
            }
            System.out.printf("| %s | %.1f | %.1f | %d | %s | %d | %.1f | %.1f | %d | %d |%n", entry.getKey(),
                    median(remedyTimes), max(remedyTimes), found.engineRuns(), found.complete(),
                    found.remedies().size(), median(questionTimes), max(questionTimes), asked.engineRuns(),
                    asked.questions().size());
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return Collections.max(nanos) / 1e6;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(DecisionRequest request) {
        return RequestSpace.parse(JSON.writeValueAsBytes(request));
    }

    private static DecisionRequest withoutResistance(DecisionRequest request) {
        List<StakeholderInput> stakeholders = request.stakeholders().stream().map(s -> new StakeholderInput(
                s.department(), s.name(), s.affected(), s.involvement(), List.of(), s.trainingPlanned())).toList();
        return new DecisionRequest(request.initiative(), request.designStrategy(), request.changeStrategy(),
                request.successFactors(), request.preconditions(), stakeholders, request.engagement());
    }

    private static byte[] readme() {
        return ("{\"initiative\": { \"name\": \"Digital counter 2027\", \"kind\": \"MULTICHANNEL_MIGRATION\","
                + "\"organisationType\": \"MUNICIPALITY\", \"leadTimeMonths\": 18, \"resources\": \"MEDIUM\","
                + "\"organisationalSupport\": \"LOW\", \"businessCase\": true },"
                + "\"designStrategy\": { \"startingPoint\": \"FRONT_OFFICE\", \"channelScope\": \"CHANNEL_BY_CHANNEL\", \"ambition\": \"LOW_HANGING_FRUIT\" },"
                + "\"changeStrategy\": { \"rollout\": \"STEPWISE\", \"direction\": \"TOP_DOWN\", \"management\": \"PROJECT\","
                + "\"responsibility\": \"PROJECT_ORGANISATION\", \"milestonesDefined\": true },"
                + "\"successFactors\": { \"leadership\": true, \"managementSponsorship\": true, \"consistentVision\": true },"
                + "\"preconditions\": { \"channelsWellDeveloped\": true, \"backOfficeInOrder\": false, \"improvesService\": true, \"efficiencyGain\": true },"
                + "\"stakeholders\": [ { \"department\": \"MARKETING\", \"name\": \"Campaign team\", \"affected\": true, \"involvement\": \"INFORMED\","
                + "\"resistance\": [\"DISTRUSTS_TECHNIQUE\"], \"trainingPlanned\": false } ],"
                + "\"engagement\": { \"managerTourDone\": false, \"itEngagement\": \"BACKLOG_REQUEST\", \"prototypePlanned\": true,"
                + "\"nbaSetDefinedJointly\": false, \"dashboardNeedsAsked\": false, \"feedbackCollected\": true,"
                + "\"feedbackIncorporated\": false, \"successSharedJointly\": false }}").getBytes(StandardCharsets.UTF_8);
    }
}
