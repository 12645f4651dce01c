package nl.draagvlak.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * Full chain walks as background jobs, so that at 10^6 records nobody holds an HTTP request open
 * for minutes. One walk runs at a time. A job asked for while another waits to start is that
 * waiting job: its snapshot, taken when it starts, holds everything committed before either
 * request. Jobs live in memory, the latest {@value #KEPT}; a walk that fails leaves its job FAILED,
 * saying why, and the next job runs as usual.
 */
public final class VerificationJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VerificationJobs.class);
    static final int KEPT = 100;

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** What a job shows: how far it is ({@code checked} of {@code total}, once known), and how it ended. */
    public record Status(String id, State state, long checked, Long total, Instant requestedAt, Instant startedAt,
                         Instant finishedAt, ChainVerifier.Result result, String failure) {
    }

    private final ChainVerifier verifier;
    private final Executor executor;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Job waiting;

    VerificationJobs(ChainVerifier verifier) {
        this(verifier, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-verification");
            thread.setDaemon(true);
            return thread;
        }));
    }

    VerificationJobs(ChainVerifier verifier, Executor executor) {
        this.verifier = verifier;
        this.executor = executor;
    }

    /** Starts a full walk, or returns the one that is waiting to start. */
    public synchronized Status start() {
        if (waiting != null) {
            return waiting.status();
        }
        Job job = new Job(UUID.randomUUID().toString(), Instant.now());
        keep(job);
        waiting = job;
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            waiting = null;
            job.failed("the service is stopping; no walk was started");
        }
        return job.status();
    }

    public synchronized Optional<Status> find(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::status);
    }

    private void run(Job job) {
        synchronized (this) {
            if (waiting == job) {
                waiting = null;
            }
        }
        job.started();
        try {
            job.done(verifier.verify(null, job::progress));
        } catch (Throwable e) { // whatever breaks the walk, the job must not stay RUNNING
            log.warn("Verification {} failed after {} record(s): {}", job.id, job.checked, e.toString());
            job.failed("the walk failed after " + job.checked + " record(s): "
                    + NestedExceptionUtils.getMostSpecificCause(e));
        }
    }

    private void keep(Job job) {
        jobs.put(job.id, job);
        Iterator<Job> oldest = jobs.values().iterator();
        while (jobs.size() > KEPT && oldest.hasNext()) {
            if (oldest.next().finished()) {
                oldest.remove();
            }
        }
    }

    @Override
    public void close() {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    private static final class Job {
        private final String id;
        private final Instant requestedAt;
        private volatile State state = State.QUEUED;
        private volatile long checked;
        private volatile Long total;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile ChainVerifier.Result result;
        private volatile String failure;

        Job(String id, Instant requestedAt) {
            this.id = id;
            this.requestedAt = requestedAt;
        }

        void started() {
            startedAt = Instant.now();
            state = State.RUNNING;
        }

        void progress(long checked, long total) {
            this.checked = checked;
            this.total = total;
        }

        void done(ChainVerifier.Result result) {
            this.result = result;
            this.checked = result.checked();
            finishedAt = Instant.now();
            state = State.DONE;
        }

        void failed(String reason) {
            failure = reason;
            finishedAt = Instant.now();
            state = State.FAILED;
        }

        boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        Status status() {
            return new Status(id, state, checked, total, requestedAt, startedAt, finishedAt, result, failure);
        }
    }
}
