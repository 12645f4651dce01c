package nl.draagvlak.decision;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The bound on decisions in progress. Past it a decision is refused at once (503 with
 * {@code Retry-After}) instead of waiting in a queue that grows with the overload: the decisions
 * admitted keep their latency, and a caller learns immediately that it should back off.
 */
@Component
public class DecisionAdmission {

    /**
     * @param maxInFlight decisions in progress at most (read, decided, waiting for their commit)
     * @param retryAfter  what a refused caller is told to wait
     */
    @ConfigurationProperties("draagvlak.decisions")
    public record Limits(@DefaultValue("64") int maxInFlight, @DefaultValue("1s") Duration retryAfter) {
    }

    private final Semaphore permits;
    private final Limits limits;

    DecisionAdmission(Limits limits) {
        if (limits.maxInFlight() < 1) {
            throw new IllegalStateException("draagvlak.decisions.max-in-flight must be at least 1");
        }
        this.limits = limits;
        this.permits = new Semaphore(limits.maxInFlight());
    }

    /** Takes a place, or throws {@link OverloadedException} without waiting when there is none. */
    public void enter() {
        if (!permits.tryAcquire()) {
            throw new OverloadedException(limits.maxInFlight(), limits.retryAfter());
        }
    }

    public void leave() {
        permits.release();
    }

    /** Places free now (for tests and diagnostics). */
    public int available() {
        return permits.availablePermits();
    }
}
