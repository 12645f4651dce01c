package nl.draagvlak;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** A task repeated on a daemon thread of its own; a failed run is logged and the next one tries again. */
public final class BackgroundTask {

    private BackgroundTask() {
    }

    /** Runs the task every {@code interval} (not at all when it is zero); shut the executor down to stop. */
    public static ScheduledExecutorService every(Duration interval, String name, Runnable task, Logger log) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        if (millis > 0) {
            executor.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("{} failed, will try again in {}: {}", name, interval, e.getMessage());
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }
        return executor;
    }
}
