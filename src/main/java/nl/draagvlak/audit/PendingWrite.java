package nl.draagvlak.audit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A decision (or a job) queued for the writer, and its requester's wait for the outcome. Who gets
 * it first decides its fate: the writer claims it just before sending it to the store, or the
 * requester, whose wait ran out, withdraws it. A withdrawn record is never sent, so its 503 means
 * no record, ever. Only a claimed record can be committed after its requester stopped waiting for
 * it; that requester waits on, up to the store timeout, to learn the outcome.
 */
final class PendingWrite {

    private static final int QUEUED = 0;
    private static final int CLAIMED = 1;
    private static final int WITHDRAWN = 2;

    private final DecisionRecord record;
    private final byte[] content;
    private final GroupCommitWriter.Job job;
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    private PendingWrite(DecisionRecord record, byte[] content, GroupCommitWriter.Job job) {
        this.record = record;
        this.content = content;
        this.job = job;
    }

    /**
     * A decision to append. Its canonical content (every hashed field but the sequence number) is
     * encoded here, in the requester's thread, so that the single writer only chains it.
     */
    static PendingWrite of(DecisionRecord record) {
        return new PendingWrite(record, ChainRecord.of(0, record).content(), null);
    }

    static PendingWrite of(GroupCommitWriter.Job job) {
        return new PendingWrite(null, null, job);
    }

    /** The decision to append, or null for a job. */
    DecisionRecord record() {
        return record;
    }

    /** The decision's {@link ChainRecord#content()}, prepared before it was queued; null for a job. */
    byte[] content() {
        return content;
    }

    GroupCommitWriter.Job job() {
        return job;
    }

    /** The writer's claim, just before sending: false when the requester withdrew it already. */
    boolean claim() {
        return state.compareAndSet(QUEUED, CLAIMED);
    }

    /** The requester's withdrawal: false when the writer claimed it already (it is being sent). */
    boolean withdraw() {
        return state.compareAndSet(QUEUED, WITHDRAWN);
    }

    void committed() {
        outcome.complete(null);
    }

    /** Ends the wait with this failure (no effect once the outcome is known). */
    void fail(RuntimeException failure) {
        outcome.completeExceptionally(failure);
    }

    /**
     * Waits for the outcome: up to {@code waitLimit} for the commit; past it, a record still queued
     * is withdrawn (plain 503), and one already claimed is waited for up to {@code storeTimeout}
     * more, after which its outcome is unknown.
     */
    void await(Duration waitLimit, Duration storeTimeout) {
        try {
            awaitFor(waitLimit);
        } catch (TimeoutException e) {
            if (withdraw()) {
                throw new AuditUnavailableException("the audit commit did not start within " + waitLimit
                        + "; the record was withdrawn before it was sent", null);
            }
            try {
                awaitFor(storeTimeout);
            } catch (TimeoutException again) {
                throw new AuditOutcomeUnknownException("the store did not answer within " + storeTimeout
                        + " while the record's batch was being committed", null);
            }
        }
    }

    private void awaitFor(Duration limit) throws TimeoutException {
        try {
            outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (withdraw()) {
                throw new AuditUnavailableException("interrupted while waiting for the audit commit; the record"
                        + " was withdrawn before it was sent", e);
            }
            throw new AuditOutcomeUnknownException("interrupted while the record's batch was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AuditUnavailableException("the audit commit failed: " + e.getCause(), e.getCause());
        }
    }
}
