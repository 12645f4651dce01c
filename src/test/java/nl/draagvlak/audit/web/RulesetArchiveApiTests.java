package nl.draagvlak.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nl.draagvlak.audit.AuditTrail;
import nl.draagvlak.audit.DecisionRecord;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.engine.RulesetVersion;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.RuleFolders;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.view.DecisionView;
import nl.draagvlak.web.TimeFormats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/rulesets/{version}} gives each file exactly as it ran: what it returns
 * hashes to the version it is asked for, line ends and bytes that are not UTF-8 included; and a
 * ruleset stored before files were kept as bytes (and named from the folder's parent) still
 * serves and replays its decisions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesetArchiveApiTests {

    /** The project's rules, with CRLF line ends in one file and a comment in Latin-1 in another. */
    static final Path RULES = rulesAsSomeEditorsSaveThem();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    DecisionEngine engine;
    @Autowired
    JsonMapper json;
    RestTestClient http;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.dir", RULES::toString);
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
        registry.add("draagvlak.rules.cache-dir", () -> "");
    }

    @BeforeEach
    void client() {
        http = nl.draagvlak.support.TestUsers.restClient(port);
    }

    @Test
    void theActiveRulesetComesBackByteForByteAndHashesToItsVersion() {
        String version = get("/api/v1/rules").get("version").asText();

        JsonNode stored = get("/api/v1/rulesets/" + version);

        List<RuleFile> files = files(stored);
        assertThat(RulesetVersion.of(files)).isEqualTo(version);
        assertThat(files).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(RuleFolder.read(RULES));
        assertThat(file(stored, "rules/derive.drl").get("encoding").asText()).isEqualTo("utf-8");
        assertThat(file(stored, "rules/derive.drl").get("content").asText()).contains("\r\n");
        assertThat(file(stored, "rules/verdict.drl").get("encoding").asText()).isEqualTo("base64");
    }

    @Test
    void aDecisionOnARulesetStoredTheOldWayIsServedAndReplaysIdentically() {
        // Before, files were named from the folder's parent (a folder called guidance gave
        // guidance/derive.drl) and kept as text. Such a ruleset keeps its names and its version.
        List<RuleFile> legacyFiles = RuleFolder.read(Path.of("rules")).stream()
                .map(file -> new RuleFile("guidance/" + file.path().substring(RuleFolder.ROOT.length()), file.content()))
                .toList();
        CompiledRuleset legacy = new RulesetCompiler().compile(legacyFiles);
        jdbc.update("INSERT INTO ruleset (version, rule_count, first_active_at) VALUES (?, ?, ?)", legacy.version(),
                legacy.rules().size(), OffsetDateTime.now(ZoneOffset.UTC));
        for (RuleFile file : legacyFiles) {
            jdbc.update("INSERT INTO ruleset_file (version, path, content) VALUES (?, ?, ?)", legacy.version(),
                    file.path(), file.text());
        }
        String id = storeDecisionOn(legacy);

        JsonNode replay = http.post().uri("/api/v1/decisions/" + id + "/replay").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode stored = get("/api/v1/rulesets/" + legacy.version());

        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.get("rulesetVersion").asText()).isEqualTo(legacy.version());
        assertThat(RulesetVersion.of(files(stored))).isEqualTo(legacy.version());
        assertThat(files(stored)).extracting(RuleFile::path).allMatch(path -> path.startsWith("guidance/"));
    }

    /** Decides and stores the way the service did when {@code ruleset} was active. */
    private String storeDecisionOn(CompiledRuleset ruleset) {
        byte[] body = Requests.PLAN.getBytes(StandardCharsets.UTF_8);
        Decision decision = engine.decide(ruleset, new RequestReader().read(body), true);
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        String response = json.writeValueAsString(
                DecisionView.of(id, TimeFormats.DECIDED_AT.format(decidedAt), decision));
        assertThat(response).contains("\"file\":\"guidance/");
        auditTrail.store(new DecisionRecord(id, decidedAt, ruleset.version(), decision.verdict().name(), null,
                "0".repeat(64), Requests.PLAN, response, "[]", "{}", null, List.of()));
        return id;
    }

    private JsonNode get(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    private static JsonNode file(JsonNode ruleset, String path) {
        for (JsonNode file : ruleset.get("files")) {
            if (file.get("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError("no file " + path + " in " + ruleset);
    }

    /** The files as bytes, decoded as each file's {@code encoding} says. */
    private static List<RuleFile> files(JsonNode ruleset) {
        List<RuleFile> files = new ArrayList<>();
        for (JsonNode file : ruleset.get("files")) {
            String content = file.get("content").asText();
            byte[] bytes = switch (file.get("encoding").asText()) {
                case "utf-8" -> content.getBytes(StandardCharsets.UTF_8);
                case "base64" -> Base64.getDecoder().decode(content);
                default -> throw new AssertionError("unknown encoding in " + file);
            };
            files.add(new RuleFile(file.get("path").asText(), bytes));
        }
        return files;
    }

    private static Path rulesAsSomeEditorsSaveThem() {
        Path rules = RuleFolders.copyOfProjectRules();
        try {
            Path derive = rules.resolve("derive.drl");
            Files.writeString(derive, Files.readString(derive).replace("\r\n", "\n").replace("\n", "\r\n"));
            Path verdict = rules.resolve("verdict.drl");
            byte[] latin1Comment = "\n// Caf\u00e9 de la Gare\n".getBytes(StandardCharsets.ISO_8859_1);
            Files.write(verdict, latin1Comment, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rules;
    }
}
