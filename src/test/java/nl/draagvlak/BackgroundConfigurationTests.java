package nl.draagvlak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Background tasks on Spring's scheduler: a run that throws, an Error too, does not end the task. */
class BackgroundConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
            .withUserConfiguration(BackgroundConfiguration.class, FailingTask.class);

    @Configuration(proxyBeanMethods = false)
    static class FailingTask {
        static final AtomicInteger runs = new AtomicInteger();

        @Bean
        SchedulingConfigurer failingTask() {
            return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(() -> {
                if (runs.incrementAndGet() % 2 == 1) {
                    throw new AssertionError("an Error in run " + runs.get());
                }
                throw new IllegalStateException("an exception in run " + runs.get());
            }, Duration.ofMillis(20), Duration.ZERO));
        }
    }

    @Test
    void aTaskThatThrowsRunsAgainAndStopsWithTheService() {
        FailingTask.runs.set(0);
        context.run(running -> {
            await().atMost(Duration.ofMinutes(1)).until(() -> FailingTask.runs.get() >= 4);
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("scheduling-"));
        });
        int afterStop = FailingTask.runs.get();
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofMinutes(1))
                .until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("scheduling-")
                        && t.isAlive()));
        assertThat(FailingTask.runs.get()).as("no run after the stop").isEqualTo(afterStop);
    }
}
