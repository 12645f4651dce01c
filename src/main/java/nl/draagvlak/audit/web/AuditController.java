package nl.draagvlak.audit.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.audit.AuditQueries;
import nl.draagvlak.audit.ChainVerifier;
import nl.draagvlak.audit.DecisionSearch;
import nl.draagvlak.audit.RulesetArchive;
import nl.draagvlak.audit.StoredDecision;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.decision.DecisionService;
import nl.draagvlak.decision.NotFoundException;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.model.Verdict;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What auditors use: look a decision up, search, replay, fetch a ruleset, verify the chain. */
@RestController
class AuditController {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final AuditQueries queries;
    private final ChainVerifier verifier;
    private final RulesetArchive archive;
    private final DecisionReplay replay;
    private final JsonMapper json;

    AuditController(AuditQueries queries, ChainVerifier verifier, RulesetArchive archive, ActiveRuleset rulesets,
                    DecisionEngine engine, JsonMapper json) {
        this.queries = queries;
        this.verifier = verifier;
        this.archive = archive;
        this.replay = new DecisionReplay(rulesets, archive, engine, json);
        this.json = json;
    }

    record DecisionRecordView(String decisionId, String decidedAt, String rulesetVersion, long sequence, String hash,
                              String caller, JsonNode request, JsonNode response, JsonNode trace, JsonNode timings) {
    }

    record DecisionSummary(String decisionId, String decidedAt, String rulesetVersion, String verdict, long sequence,
                           String caller) {
    }

    record Page(List<DecisionSummary> items, String nextCursor) {
    }

    record RulesetFiles(String version, List<Map<String, String>> files) {
    }

    @GetMapping("/api/v1/decisions/{id}")
    DecisionRecordView decision(@PathVariable String id) {
        StoredDecision stored = find(id);
        return new DecisionRecordView(stored.decisionId(), DecisionService.DECIDED_AT.format(stored.decidedAt()),
                stored.rulesetVersion(), stored.sequence(), stored.hash(), stored.caller(),
                json.readTree(stored.requestBody()),
                json.readTree(stored.responseBody()), json.readTree(stored.trace()), json.readTree(stored.timings()));
    }

    @GetMapping("/api/v1/decisions")
    Page search(@RequestParam(required = false) String ruleId, @RequestParam(required = false) String verdict,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String rulesetVersion, @RequestParam(required = false) String caller,
                @RequestParam(required = false) String cursor, @RequestParam(required = false) String page,
                @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw invalid("limit", "must be from 1 to " + MAX_PAGE);
        }
        if (verdict != null) {
            try {
                Verdict.valueOf(verdict);
            } catch (IllegalArgumentException e) {
                throw invalid("verdict", "must be one of " + List.of(Verdict.values()));
            }
        }
        String after = cursor != null ? cursor : page;
        Long before = null;
        if (after != null) {
            try {
                before = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw invalid("cursor", "must be a nextCursor value from an earlier page");
            }
        }
        List<StoredDecision> found = queries.search(new DecisionSearch(ruleId, verdict, instant("from", from),
                instant("to", to), rulesetVersion, before, size + 1, caller));
        boolean more = found.size() > size;
        found = more ? found.subList(0, size) : found;
        List<DecisionSummary> items = found.stream().map(d -> new DecisionSummary(d.decisionId(),
                DecisionService.DECIDED_AT.format(d.decidedAt()), d.rulesetVersion(), d.verdict(), d.sequence(),
                d.caller()))
                .toList();
        String next = more ? Long.toString(found.get(found.size() - 1).sequence()) : null;
        return new Page(items, next);
    }

    @PostMapping("/api/v1/decisions/{id}/replay")
    DecisionReplay.Result replay(@PathVariable String id, @RequestParam(required = false) String ruleset) {
        return replay.replay(find(id), ruleset);
    }

    @GetMapping("/api/v1/rulesets/{version}")
    RulesetFiles ruleset(@PathVariable String version) {
        List<RuleFile> files = archive.files(version)
                .orElseThrow(() -> new NotFoundException("no ruleset " + version + " is stored"));
        return new RulesetFiles(version, files.stream().map(file -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("path", file.path());
            entry.put("content", file.text());
            return entry;
        }).toList());
    }

    @GetMapping("/api/v1/audit/verify")
    ChainVerifier.Result verify(@RequestParam(required = false) String head) {
        ChainVerifier.Head exported = null;
        if (head != null) {
            String[] parts = head.split(":", 2);
            try {
                exported = new ChainVerifier.Head(Long.parseLong(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw invalid("head", "must be SEQUENCE:HASH, as the head of an earlier verify");
            }
        }
        return verifier.verify(exported);
    }

    private StoredDecision find(String id) {
        return queries.byId(id).orElseThrow(() -> new NotFoundException("no decision " + id + " is stored"));
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
