package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.draagvlak.check.ImpactCommand;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.model.Finding;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.support.RuleFolders;
import nl.draagvlak.support.Service;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The impact of a threshold change on the stored decisions, asked of the running service and of
 * the command line (through the service, and straight against the store once no service holds
 * it), is what deciding each stored request directly on the changed rules gives.
 */
class ImpactIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path rules = RuleFolders.copyOfProjectRules();
    private final String store = TestDatabases.h2Url();

    @Test
    void theImpactOfAThresholdChangeMatchesDecidingEachStoredRequestDirectly() throws Exception {
        Path changed = RuleFolders.copyOfProjectRules();
        RuleFolders.replaceIn(changed.resolve("derive.drl"), "below( 12 )", "below( 13 )");
        Path cases = Path.of("test-cases");
        List<String> requests = ScenarioFiles.list(cases).stream()
                .map(file -> new String(ScenarioFiles.read(cases, file).requestJson(), StandardCharsets.UTF_8)).toList();
        List<JsonNode> answers = new ArrayList<>();
        JsonNode endpoint;
        String viaService;
        try (Service service = Service.start("spring.datasource.url=" + store, "draagvlak.rules.dir=" + rules,
                "draagvlak.rules.watch=false", "draagvlak.rules.cache-dir=")) {
            RestTestClient http = service.http();
            for (String request : requests) {
                EntityExchangeResult<JsonNode> response = http.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(request).exchange().returnResult(JsonNode.class);
                if (response.getStatus().value() == 201) {
                    answers.add(response.getResponseBody());
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("candidate", Map.of("files", RuleFolder.read(changed).stream()
                    .map(file -> Map.of("path", file.path(), "content", file.text())).toList()));
            body.put("sample", Map.of("last", answers.size()));
            EntityExchangeResult<JsonNode> impact = http.post().uri("/api/v1/rulesets/impact").contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body)).exchange().returnResult(JsonNode.class);
            assertThat(impact.getStatus().value()).as(impact.toString()).isEqualTo(200);
            endpoint = impact.getResponseBody();
            viaService = runImpactCommand("--rules", changed.toString(), "--last", String.valueOf(answers.size()),
                    "--url", "http://127.0.0.1:" + service.port(),
                    "--user", TestUsers.ALL.name() + ":" + TestUsers.ALL.password());

            EntityExchangeResult<JsonNode> invalid = http.post().uri("/api/v1/rulesets/impact").contentType(MediaType.APPLICATION_JSON).body("{\"candidate\":{},\"sample\":{\"last\":0}}").exchange().returnResult(JsonNode.class);
            assertThat(invalid.getStatus().value()).isEqualTo(400);
            assertThat(invalid.getResponseBody().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("candidate", "sample.last");
        }
        String direct = runImpactCommand("--rules", changed.toString(), "--last", String.valueOf(answers.size()),
                "--store", store);

        JsonNode expected = JSON.valueToTree(decideDirectly(answers, requests, changed));
        assertThat(answers).hasSizeGreaterThan(100);
        assertThat(expected.get("changed").asInt()).as("the change matters to some decisions").isPositive();
        assertThat(endpoint.get("replayed").asInt()).isEqualTo(answers.size());
        assertThat(endpoint.get("changed")).isEqualTo(expected.get("changed"));
        assertThat(endpoint.get("verdicts")).isEqualTo(expected.get("verdicts"));
        assertThat(endpoint.get("findings")).isEqualTo(expected.get("findings"));
        assertThat(JSON.readTree(viaService)).isEqualTo(endpoint);
        assertThat(JSON.readTree(direct)).isEqualTo(endpoint);
    }

    /** Each stored request decided on the changed rules, compared with its answer, counted by hand. */
    private static Map<String, Object> decideDirectly(List<JsonNode> answers, List<String> requests, Path changed) {
        CompiledRuleset candidate = new RulesetCompiler().compile(RuleFolder.read(changed));
        DecisionEngine engine = new DecisionEngine();
        RequestReader reader = new RequestReader();
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        int changedCount = 0;
        int i = 0;
        for (String request : requests) {
            Decision decision;
            try {
                decision = engine.decide(candidate, reader.read(request.getBytes(StandardCharsets.UTF_8)), false);
            } catch (RuntimeException invalid) {
                continue; // the service refused it too (400), so it is not stored
            }
            JsonNode answer = answers.get(i++);
            String before = answer.get("verdict").asText();
            List<String> was = new ArrayList<>();
            answer.get("findings").forEach(f -> was.add(f.get("ruleId").asText() + "#" + f.get("stakeholderIndex")));
            List<String> now = new ArrayList<>();
            for (Finding finding : decision.findings()) {
                now.add(finding.ruleId() + "#" + (finding.stakeholderIndex() == null ? "null" : finding.stakeholderIndex()));
            }
            boolean verdictChanged = !before.equals(decision.verdict().name());
            boolean findingsChanged = !counts(was).equals(counts(now));
            if (verdictChanged) {
                verdicts.merge(before + "->" + decision.verdict().name(), 1, Integer::sum);
            }
            if (findingsChanged) {
                List<String> extra = new ArrayList<>(now);
                was.forEach(extra::remove);
                extra.forEach(key -> added.merge(key.substring(0, key.indexOf('#')), 1, Integer::sum));
                List<String> gone = new ArrayList<>(was);
                now.forEach(gone::remove);
                gone.forEach(key -> removed.merge(key.substring(0, key.indexOf('#')), 1, Integer::sum));
            }
            if (verdictChanged || findingsChanged) {
                changedCount++;
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("changed", changedCount);
        report.put("verdicts", verdicts);
        report.put("findings", Map.of("added", added, "removed", removed));
        return report;
    }

    private static Map<String, Integer> counts(List<String> keys) {
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(key -> counts.merge(key, 1, Integer::sum));
        return counts;
    }

    private static String runImpactCommand(String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = new ImpactCommand(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        return printed;
    }
}
