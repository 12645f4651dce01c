package nl.draagvlak;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ErrorHandler;

/**
 * Background work (the rules watcher, the retention purge) runs on Spring's task scheduler, which
 * Boot configures from {@code spring.task.scheduling.*}. Each feature registers its repeated task
 * as a {@link org.springframework.scheduling.annotation.SchedulingConfigurer}; the scheduler stops
 * them when the service stops.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BackgroundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BackgroundConfiguration.class);

    /**
     * A run that throws is logged and the task runs again at its next turn, whatever it threw. An
     * exception is expected now and then (the store away during a purge), so it is one line; an
     * {@link Error} gets its stack trace.
     */
    static final ErrorHandler LOG_AND_RUN_AGAIN = failure -> {
        if (failure instanceof Exception) {
            log.warn("A background task failed and runs again at its next turn: {}", failure.toString());
        } else {
            log.error("A background task failed and runs again at its next turn", failure);
        }
    };

    @Bean
    ThreadPoolTaskSchedulerCustomizer backgroundTaskFailures() {
        return scheduler -> scheduler.setErrorHandler(LOG_AND_RUN_AGAIN);
    }
}
