package nl.draagvlak.audit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the audit writer busy inside a job of its own until released, so that a test can queue
 * records behind it and see what the writer does with them; and runs requests on threads of their
 * own, so that the test can wait until they are all queued.
 */
final class WriterHold implements AutoCloseable {

    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> job;
    private final List<Thread> requests = new CopyOnWriteArrayList<>();

    private WriterHold(GroupCommitWriter writer, Throwable thrownOnRelease) {
        job = start(() -> writer.submit((connection, head) -> {
            running.countDown();
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thrownOnRelease instanceof Error error) {
                throw error;
            }
            return head;
        }), false);
        try {
            if (!running.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the writer did not run the holding job");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Holds the writer until {@link #release()}. */
    static WriterHold of(GroupCommitWriter writer) {
        return new WriterHold(writer, null);
    }

    /** Holds the writer until {@link #release()}, when the job throws this error. */
    static WriterHold endingWith(GroupCommitWriter writer, Error error) {
        return new WriterHold(writer, error);
    }

    /** Starts a request on a thread of its own; its result (or failure) is the future's. */
    CompletableFuture<Void> request(Runnable request) {
        return start(request, true);
    }

    /** Waits until every request started so far waits for the writer (it is queued). */
    void awaitQueued() {
        await().atMost(Duration.ofMinutes(1)).until(() -> requests.stream()
                .allMatch(thread -> thread.getState() == Thread.State.TIMED_WAITING || !thread.isAlive()));
    }

    void release() {
        release.countDown();
    }

    /** The holding job's own outcome. */
    CompletableFuture<Void> job() {
        return job;
    }

    private CompletableFuture<Void> start(Runnable work, boolean isRequest) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                work.run();
                result.complete(null);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-request");
        thread.setDaemon(true);
        if (isRequest) {
            requests.add(thread);
        }
        thread.start();
        return result;
    }

    @Override
    public void close() {
        release();
    }
}
