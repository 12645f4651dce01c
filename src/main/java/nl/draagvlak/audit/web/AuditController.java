package nl.draagvlak.audit.web;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.draagvlak.audit.AuditQueries;
import nl.draagvlak.audit.ChainVerifier;
import nl.draagvlak.audit.DecisionReplay;
import nl.draagvlak.audit.DecisionSearch;
import nl.draagvlak.audit.RulesetArchive;
import nl.draagvlak.audit.StoredDecision;
import nl.draagvlak.audit.UnknownHeadException;
import nl.draagvlak.audit.VerificationJobs;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.model.Verdict;
import nl.draagvlak.ruleset.ActiveRuleset;
import nl.draagvlak.ruleset.UnknownRulesetException;
import nl.draagvlak.web.NotFoundException;
import nl.draagvlak.web.ProblemHandler;
import nl.draagvlak.web.TimeFormats;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What auditors use: look a decision up, search, replay, fetch a ruleset, verify the chain (now, or as a job). */
@RestController
class AuditController {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;
    private static final Pattern HEAD = Pattern.compile("([0-9]{1,18}):([0-9a-f]{64})");
    static final String LAST_SIGNED_OFF = "last-signed-off";
    private static final String VERIFICATIONS = "/api/v1/audit/verifications";

    private final AuditQueries queries;
    private final ChainVerifier verifier;
    private final RulesetArchive archive;
    private final VerificationJobs jobs;
    private final DecisionReplay replay;
    private final JsonMapper json;

    AuditController(AuditQueries queries, ChainVerifier verifier, VerificationJobs jobs, RulesetArchive archive,
                    ActiveRuleset rulesets, DecisionEngine engine, JsonMapper json) {
        this.queries = queries;
        this.verifier = verifier;
        this.jobs = jobs;
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

    record RulesetFiles(String version, List<RulesetFileView> files) {
    }

    /** A verification job: {@code checked} of {@code total} records so far, and its result or failure once ended. */
    record Verification(String id, String state, long checked, Long total, String requestedAt, String startedAt,
                        String finishedAt, ChainVerifier.Result result, String failure) {
    }

    @GetMapping("/api/v1/decisions/{id}")
    DecisionRecordView decision(@PathVariable String id) {
        StoredDecision stored = find(id);
        return new DecisionRecordView(stored.decisionId(), TimeFormats.DECIDED_AT.format(stored.decidedAt()),
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
                TimeFormats.DECIDED_AT.format(d.decidedAt()), d.rulesetVersion(), d.verdict(), d.sequence(),
                d.caller()))
                .toList();
        String next = more ? Long.toString(found.get(found.size() - 1).sequence()) : null;
        return new Page(items, next);
    }

    @PostMapping("/api/v1/decisions/{id}/replay")
    DecisionReplay.Result replay(@PathVariable String id, @RequestParam(required = false) String ruleset) {
        StoredDecision stored = find(id);
        try {
            return replay.replay(stored, ruleset);
        } catch (UnknownRulesetException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    @GetMapping("/api/v1/rulesets/{version}")
    RulesetFiles ruleset(@PathVariable String version) {
        List<RuleFile> files = archive.files(version)
                .orElseThrow(() -> new NotFoundException("no ruleset " + version + " is stored"));
        return new RulesetFiles(version, files.stream().map(RulesetFileView::of).toList());
    }

    @GetMapping("/api/v1/audit/verify")
    ChainVerifier.Result verify(@RequestParam(required = false) String head,
                                @RequestParam(required = false) String since) {
        ChainVerifier.Head exported = head == null ? null : parseHead("head", head);
        if (since == null) {
            return verifier.verify(exported);
        }
        ChainVerifier.Head after = LAST_SIGNED_OFF.equals(since) ? null : parseHead("since", since);
        try {
            return after == null ? verifier.verifySinceLastSignOff(exported) : verifier.verifySince(after, exported);
        } catch (UnknownHeadException e) {
            throw unknownHead("since", e.getMessage());
        }
    }

    @PostMapping("/api/v1/audit/verifications")
    ResponseEntity<Verification> startVerification() {
        VerificationJobs.Status job = jobs.start();
        return ResponseEntity.accepted().location(URI.create(VERIFICATIONS + "/" + job.id())).body(view(job));
    }

    @GetMapping("/api/v1/audit/verifications/{id}")
    Verification verification(@PathVariable String id) {
        return jobs.find(id).map(AuditController::view).orElseThrow(() -> new NotFoundException("no verification "
                + id + " is known here (the service keeps the latest ones in memory until it restarts)"));
    }

    private static Verification view(VerificationJobs.Status job) {
        return new Verification(job.id(), job.state().name(), job.checked(), job.total(), time(job.requestedAt()),
                time(job.startedAt()), time(job.finishedAt()), job.result(), job.failure());
    }

    private static String time(Instant instant) {
        return instant == null ? null : TimeFormats.DECIDED_AT.format(instant);
    }

    private static ChainVerifier.Head parseHead(String field, String value) {
        Matcher matcher = HEAD.matcher(value);
        if (!matcher.matches()) {
            throw invalid(field, "must be SEQUENCE:HASH, as the head of an earlier verify"
                    + (field.equals("since") ? ", or " + LAST_SIGNED_OFF : ""));
        }
        return new ChainVerifier.Head(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    /** A 409: the head is well formed but not one of this chain, so nothing could be checked after it. */
    private static ErrorResponseException unknownHead(String field, String message) {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.CONFLICT, "unknown-head",
                "The head is not in this chain", field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
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
