package nl.draagvlak.bench.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.DraagvlakApplication;
import nl.draagvlak.ruleset.RulesetWarmup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the service's start-up goes (docs/benchmarks.md, issue 12 target 4): starts the service as
 * {@code java -jar} would, with Spring's buffering start-up recorder, and prints the steps that took
 * longest by their own time (a step's duration less that of the steps inside it), with the bean
 * name for bean instantiations. Then stops. Arguments are passed to the application.
 *
 * <p>Usage: {@code java -cp target/bench/benchmarks.jar:target/draagvlak.jar
 * nl.draagvlak.bench.tools.StartupSteps [--top=N] [application args]}
 */
public final class StartupSteps {

    public static void main(String[] args) {
        int top = 40;
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--top=")) top = Integer.parseInt(arg.substring(6));
            else appArgs.add(arg);
        }
        long started = System.nanoTime();
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(100_000);
        SpringApplication application = new SpringApplication(DraagvlakApplication.class);
        application.addListeners(new RulesetWarmup());
        application.setApplicationStartup(recorder);
        ConfigurableApplicationContext context = application.run(appArgs.toArray(String[]::new));
        long total = (System.nanoTime() - started) / 1_000_000;
        List<TimelineEvent> events = recorder.getBufferedTimeline().getEvents();
        Map<Long, Long> childMillis = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) childMillis.merge(parent, event.getDuration().toNanos(), Long::sum);
        }
        record Row(String name, long selfMs, long totalMs) {}
        List<Row> rows = new ArrayList<>();
        Map<String, Long> byName = new HashMap<>();
        for (TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            long self = event.getDuration().toNanos() - childMillis.getOrDefault(step.getId(), 0L);
            StringBuilder label = new StringBuilder(step.getName());
            for (StartupStep.Tag tag : step.getTags()) {
                if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")) {
                    label.append(' ').append(tag.getValue());
                }
            }
            rows.add(new Row(label.toString(), self / 1_000_000, event.getDuration().toMillis()));
            byName.merge(step.getName(), self, Long::sum);
        }
        rows.sort((a, b) -> Long.compare(b.selfMs, a.selfMs));
        System.out.printf("%n# start-up steps: run() took %d ms; %d steps recorded%n", total, events.size());
        System.out.println("# self time by step kind (ms)");
        byName.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("%8d  %s%n", e.getValue() / 1_000_000, e.getKey()));
        System.out.printf("# the %d steps with the most self time (self ms, total ms, step)%n", top);
        rows.stream().limit(top).forEach(r -> System.out.printf("%8d %8d  %s%n", r.selfMs, r.totalMs, r.name));
        context.close();
        System.exit(0);
    }

    private StartupSteps() {
    }

}
