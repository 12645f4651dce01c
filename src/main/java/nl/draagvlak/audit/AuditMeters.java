package nl.draagvlak.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The audit writer's meters. Prometheus shows {@code draagvlak_audit_commit_seconds} (each group
 * commit), {@code draagvlak_audit_batch_size} (writes per commit) and {@code draagvlak_audit_queue}
 * (writes waiting for the writer). None has a base unit but the timer's: a base unit would be
 * appended to the name.
 */
final class AuditMeters implements CommitObserver {

    static final String COMMIT = "draagvlak.audit.commit";
    static final String BATCH_SIZE = "draagvlak.audit.batch.size";
    static final String QUEUE = "draagvlak.audit.queue";

    private final MeterRegistry registry;
    private final Timer commits;
    private final DistributionSummary batches;

    AuditMeters(MeterRegistry registry) {
        this.registry = registry;
        this.commits = Timer.builder(COMMIT)
                .description("Group commits of the audit writer, from taking a connection until the commit returned")
                .register(registry);
        this.batches = DistributionSummary.builder(BATCH_SIZE)
                .description("Writes (decisions, failures, jobs) per group commit")
                .register(registry);
    }

    /** The writes waiting for the writer, read at each scrape. */
    void watchQueue(Supplier<Integer> queued) {
        Gauge.builder(QUEUE, queued, Supplier::get)
                .description("Writes waiting for the audit writer")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void committed(int writes, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        batches.record(writes);
    }
}
