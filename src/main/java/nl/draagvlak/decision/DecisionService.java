package nl.draagvlak.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.draagvlak.audit.AuditOutcomeUnknownException;
import nl.draagvlak.audit.AuditProperties;
import nl.draagvlak.audit.AuditTrail;
import nl.draagvlak.audit.AuditUnavailableException;
import nl.draagvlak.audit.DecisionRecord;
import nl.draagvlak.audit.DuplicateIdempotencyKeyException;
import nl.draagvlak.audit.FailureRecord;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.RequestReader;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.Decision;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleExecutionException;
import nl.draagvlak.engine.TraceEntry;
import nl.draagvlak.model.Language;
import nl.draagvlak.ruleset.ActiveRuleset;
import nl.draagvlak.ruleset.RuleCounters;
import nl.draagvlak.view.DecisionView;
import nl.draagvlak.web.TimeFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a decision and records it before it is answered: read the request strictly, decide on
 * the active ruleset, write the response once, store it all in the audit trail, and only then
 * hand the response back. A retry with the same idempotency key (within its caller's keys) gets
 * the stored decision.
 */
@Service
public class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final RequestReader reader = new RequestReader();
    private final ActiveRuleset rulesets;
    private final DecisionEngine engine;
    private final AuditTrail auditTrail;
    private final JsonMapper json;
    private final RuleCounters counters;
    private final DecisionMeters meters;
    private final Map<ScopedKey, CompletableFuture<DecisionRecord>> inFlightKeys = new ConcurrentHashMap<>();
    private final Duration keyWait;

    DecisionService(ActiveRuleset rulesets, DecisionEngine engine, AuditTrail auditTrail, JsonMapper json,
                    AuditProperties audit, RuleCounters counters, DecisionMeters meters) {
        this.rulesets = rulesets;
        this.meters = meters;
        this.engine = engine;
        this.auditTrail = auditTrail;
        this.json = json;
        this.counters = counters;
        // An earlier request spends at most its wait limit and the store timeout on the commit, and
        // as much again on the key look-up and the decision.
        this.keyWait = audit.waitLimit().plus(audit.storeTimeout()).multipliedBy(2);
    }

    /** The outcome of a POST: the stored record, and whether it was made now (201) or replayed (200). */
    public record Outcome(DecisionRecord record, boolean created) {
    }

    /** An idempotency key within its caller's scope (a null caller is one caller of its own). */
    private record ScopedKey(String caller, String key) {
    }

    public Outcome decide(byte[] body, String idempotencyKey, String caller) {
        return decide(body, idempotencyKey, caller, Language.EN);
    }

    /** A retry with the same key gets the stored decision in the language it was stored in. */
    public Outcome decide(byte[] body, String idempotencyKey, String caller, Language language) {
        String requestHash = sha256(body);
        if (idempotencyKey == null) {
            return new Outcome(decideAndStore(body, requestHash, null, caller, language), true);
        }
        CompletableFuture<DecisionRecord> mine = new CompletableFuture<>();
        CompletableFuture<DecisionRecord> earlier = inFlightKeys.putIfAbsent(new ScopedKey(caller, idempotencyKey), mine);
        if (earlier != null) {
            return new Outcome(sameBodyOrConflict(await(earlier), requestHash, idempotencyKey), false);
        }
        try {
            Optional<DecisionRecord> stored = auditTrail.findByIdempotencyKey(caller, idempotencyKey);
            if (stored.isPresent()) {
                mine.complete(stored.get());
                return new Outcome(sameBodyOrConflict(stored.get(), requestHash, idempotencyKey), false);
            }
            DecisionRecord record;
            try {
                record = decideAndStore(body, requestHash, idempotencyKey, caller, language);
            } catch (DuplicateIdempotencyKeyException e) {
                // Stored meanwhile, by another instance on the same store or by a commit that was in doubt.
                DecisionRecord taken = auditTrail.findByIdempotencyKey(caller, idempotencyKey).orElseThrow(
                        () -> new AuditUnavailableException("the idempotency key was taken and freed again", e));
                mine.complete(taken);
                return new Outcome(sameBodyOrConflict(taken, requestHash, idempotencyKey), false);
            }
            mine.complete(record);
            return new Outcome(record, true);
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlightKeys.remove(new ScopedKey(caller, idempotencyKey), mine);
        }
    }

    private DecisionRecord decideAndStore(byte[] body, String requestHash, String idempotencyKey, String caller,
                                          Language language) {
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
        meters.fired(decision.trace());
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String decisionId = DecisionIds.next(decidedAt.toEpochMilli());
        // Every later log line of the request names the decision (LogContextFilter clears it).
        MDC.put(LogContextFilter.DECISION_ID, decisionId);
        String response = json.writeValueAsString(DecisionView.of(decisionId, TimeFormats.DECIDED_AT.format(decidedAt), decision,
                language));
        if (!auditTrail.records()) {
            return new DecisionRecord(decisionId, decidedAt, ruleset.version(), decision.verdict().name(),
                    idempotencyKey, requestHash, null, response, null, null, caller, List.of(), language.tag());
        }
        String trace = json.writeValueAsString(TraceRecord.of(decision));
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("readMicros", (read - start) / 1000);
        timings.put("decideMicros", (decided - read) / 1000);
        timings.put("firings", decision.firings());
        DecisionRecord record = new DecisionRecord(decisionId, decidedAt, ruleset.version(), decision.verdict().name(),
                idempotencyKey, requestHash, new String(body, StandardCharsets.UTF_8), response, trace,
                json.writeValueAsString(timings), caller,
                decision.trace().stream().map(TraceEntry::ruleId).toList(), language.tag());
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

    /**
     * Waits for an earlier request with the same key, at most as long as that one can take to be
     * stored; past that its outcome is unknown to this request too.
     */
    private DecisionRecord await(CompletableFuture<DecisionRecord> earlier) {
        try {
            return earlier.get(keyWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditOutcomeUnknownException("interrupted while waiting for an earlier request with the same key", e);
        } catch (TimeoutException e) {
            throw new AuditOutcomeUnknownException("an earlier request with the same key did not finish within "
                    + keyWait, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("an earlier request with the same key failed: " + e.getCause(), e.getCause());
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
