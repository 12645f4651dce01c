package nl.draagvlak.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import nl.draagvlak.audit.AuditTrail;
import nl.draagvlak.audit.DecisionRecord;
import nl.draagvlak.audit.FailureRecord;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleExecutionException;
import nl.draagvlak.engine.TraceEntry;
import nl.draagvlak.ruleset.ActiveRuleset;
import nl.draagvlak.ruleset.RuleCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a decision and records it before it is answered: read the request strictly, decide on
 * the active ruleset, write the response once, store it all in the audit trail, and only then
 * hand the response back. A retry with the same idempotency key gets the stored decision.
 */
@Service
public class DecisionService {

    public static final DateTimeFormatter DECIDED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final RequestReader reader = new RequestReader();
    private final ActiveRuleset rulesets;
    private final DecisionEngine engine;
    private final AuditTrail auditTrail;
    private final JsonMapper json;
    private final RuleCounters counters;
    private final Map<String, CompletableFuture<DecisionRecord>> inFlightKeys = new ConcurrentHashMap<>();

    DecisionService(ActiveRuleset rulesets, DecisionEngine engine, AuditTrail auditTrail, JsonMapper json,
                    RuleCounters counters) {
        this.rulesets = rulesets;
        this.engine = engine;
        this.auditTrail = auditTrail;
        this.json = json;
        this.counters = counters;
    }

    /** The outcome of a POST: the stored record, and whether it was made now (201) or replayed (200). */
    public record Outcome(DecisionRecord record, boolean created) {
    }

    public Outcome decide(byte[] body, String idempotencyKey, String caller) {
        String requestHash = sha256(body);
        if (idempotencyKey == null) {
            return new Outcome(decideAndStore(body, requestHash, null, caller), true);
        }
        CompletableFuture<DecisionRecord> mine = new CompletableFuture<>();
        CompletableFuture<DecisionRecord> earlier = inFlightKeys.putIfAbsent(idempotencyKey, mine);
        if (earlier != null) {
            return new Outcome(sameBodyOrConflict(await(earlier), requestHash, idempotencyKey), false);
        }
        try {
            Optional<DecisionRecord> stored = auditTrail.findByIdempotencyKey(idempotencyKey);
            if (stored.isPresent()) {
                mine.complete(stored.get());
                return new Outcome(sameBodyOrConflict(stored.get(), requestHash, idempotencyKey), false);
            }
            DecisionRecord record = decideAndStore(body, requestHash, idempotencyKey, caller);
            mine.complete(record);
            return new Outcome(record, true);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlightKeys.remove(idempotencyKey, mine);
        }
    }

    private DecisionRecord decideAndStore(byte[] body, String requestHash, String idempotencyKey, String caller) {
        long start = System.nanoTime();
        DecisionRequest request = reader.read(body);
        long read = System.nanoTime();
        CompiledRuleset ruleset = rulesets.current();
        Decision decision;
        try {
            decision = engine.decide(ruleset, request, true);
        } catch (RuleExecutionException e) {
            recordFailure(e, ruleset, body, requestHash, caller);
            throw e;
        }
        long decided = System.nanoTime();
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String decisionId = DecisionIds.next(decidedAt.toEpochMilli());
        String response = json.writeValueAsString(DecisionView.of(decisionId, DECIDED_AT.format(decidedAt), decision));
        if (!auditTrail.records()) {
            return new DecisionRecord(decisionId, decidedAt, ruleset.version(), decision.verdict().name(),
                    idempotencyKey, requestHash, null, response, null, null, caller, List.of());
        }
        String trace = json.writeValueAsString(TraceRecord.of(decision));
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("readMicros", (read - start) / 1000);
        timings.put("decideMicros", (decided - read) / 1000);
        timings.put("firings", decision.firings());
        DecisionRecord record = new DecisionRecord(decisionId, decidedAt, ruleset.version(), decision.verdict().name(),
                idempotencyKey, requestHash, new String(body, StandardCharsets.UTF_8), response, trace,
                json.writeValueAsString(timings), caller,
                decision.trace().stream().map(TraceEntry::ruleId).distinct().toList());
        auditTrail.store(record);
        return record;
    }

    /** The request, the rule and the error go into the chain as a failure; the caller gets the rule's 500. */
    private void recordFailure(RuleExecutionException e, CompiledRuleset ruleset, byte[] body, String requestHash,
                               String caller) {
        counters.ruleFailed();
        try {
            auditTrail.storeFailure(new FailureRecord(Instant.now().truncatedTo(ChronoUnit.MILLIS), ruleset.version(),
                    requestHash, new String(body, StandardCharsets.UTF_8), e.ruleId(), e.getMessage(), caller));
        } catch (RuntimeException notStored) {
            log.error("The failure of rule {} could not be recorded in the audit trail: {}", e.ruleId(),
                    notStored.getMessage());
        }
    }

    private static DecisionRecord sameBodyOrConflict(DecisionRecord stored, String requestHash, String key) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new IdempotencyConflictException(key);
        }
        return stored;
    }

    private static DecisionRecord await(CompletableFuture<DecisionRecord> earlier) {
        try {
            return earlier.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an earlier request with the same key", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
