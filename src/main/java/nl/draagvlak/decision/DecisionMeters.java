package nl.draagvlak.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.engine.TraceEntry;
import nl.draagvlak.web.BodyTooLargeException;
import org.springframework.stereotype.Component;

/**
 * The decision API's meters. Prometheus shows them as {@code draagvlak_decisions_seconds} (a timer
 * per {@code verdict}, or {@code none}, and {@code outcome}) and {@code draagvlak_rule_fired_total}
 * (per {@code rule}, one per trace entry: a firing that concluded something). The engine stays
 * pure: firings are counted from the decision's trace after the engine returned.
 */
@Component
public class DecisionMeters {

    static final String DECISIONS = "draagvlak.decisions";
    static final String RULE_FIRED = "draagvlak.rule.fired";
    static final String NO_VERDICT = "none";

    /** What became of a POST: answered, refused as invalid, failed (a rule or the store), or refused (overload). */
    enum Outcome {
        DECIDED, INVALID, FAILED, REFUSED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome of(Exception e) {
            if (e instanceof OverloadedException) {
                return REFUSED;
            }
            if (e instanceof InvalidRequestException || e instanceof BodyTooLargeException
                    || e instanceof IdempotencyConflictException) {
                return INVALID;
            }
            return FAILED;
        }
    }

    private final MeterRegistry registry;

    DecisionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One POST, from its start until now. */
    void decision(long startNanos, String verdict, Outcome outcome) {
        Timer.builder(DECISIONS)
                .description("Decision requests, from the request body to the answer (after its commit)")
                .tag("verdict", verdict == null ? NO_VERDICT : verdict)
                .tag("outcome", outcome.tag())
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Counts each firing in a decision's trace under its rule id. */
    void fired(List<TraceEntry> trace) {
        for (TraceEntry entry : trace) {
            Counter.builder(RULE_FIRED)
                    .description("Rule firings that concluded something (a finding, a derived fact, a verdict)")
                    .tag("rule", entry.ruleId())
                    .register(registry)
                    .increment();
        }
    }
}
