package nl.draagvlak.bench.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording, the same counts as
 * {@code jfr print --events jdk.ExecutionSample} followed by counting top frames:
 * the top frames, the top frames' packages, and the share of samples whose stack passes through
 * each of a few named stages of a decision (inclusive).
 *
 * <pre>java -cp target/bench/benchmarks.jar nl.draagvlak.bench.tools.JfrTop recording.jfr [top-n]</pre>
 */
public final class JfrTop {

    /** Stages of serving a decision, matched against "class.method" of any frame on the stack. */
    private static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("engine: DecisionEngine.decide", "nl.draagvlak.engine.DecisionEngine.decide");
        STAGES.put("  rules fire (fireAllRules)", ".fireAllRules");
        STAGES.put("  facts inserted (insert)", "StatefulKnowledgeSessionImpl.insert");
        STAGES.put("  session created/disposed", ".newKieSession|StatefulKnowledgeSessionImpl.dispose");
        STAGES.put("  node memories set up (lazily, per session)",
                "SegmentPrototype.newSegmentMemory|SegmentMemorySupportImpl.|restoreSegmentFromPrototype|.createMemory|SegmentPrototypeRegistryImpl.");
        STAGES.put("  'from' conditions evaluated (PhreakFromNode)", "PhreakFromNode.");
        STAGES.put("  trace recorded (FiringRecorder)", "nl.draagvlak.engine.FiringRecorder.");
        STAGES.put("  findings made (Assessment)", "nl.draagvlak.model.Assessment.");
        STAGES.put("request read (RequestReader)", "nl.draagvlak.contract.RequestReader.read");
        STAGES.put("response + trace JSON written", "nl.draagvlak.view.DecisionView.|nl.draagvlak.decision.TraceRecord.|tools.jackson.databind.ObjectMapper.writeValueAsString");
        STAGES.put("audit store (request thread)", "nl.draagvlak.audit.JdbcAuditTrail.");
        STAGES.put("audit writer (group commit)", "nl.draagvlak.audit.GroupCommitWriter.");
        STAGES.put("H2", "org.h2.");
        STAGES.put("PostgreSQL driver", "org.postgresql.");
        STAGES.put("Tomcat/servlet (whole request)", "org.apache.coyote.");
        STAGES.put("Spring MVC dispatch", "org.springframework.web.servlet.DispatcherServlet.doDispatch");
    }

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrTop recording.jfr [top-n]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> topPackages = new HashMap<>();
        Map<String, Integer> stages = new LinkedHashMap<>();
        STAGES.keySet().forEach(stage -> stages.put(stage, 0));
        int samples = 0;
        int collections = 0;
        double pauseTotal = 0;
        double pauseMax = 0;
        Map<String, Integer> collectors = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
                collections++;
                double pause = event.getDuration("sumOfPauses").toNanos() / 1e6;
                pauseTotal += pause;
                pauseMax = Math.max(pauseMax, pause);
                collectors.merge(event.getString("name"), 1, Integer::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<String> methods = new ArrayList<>();
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.isJavaFrame()) {
                    methods.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                }
            }
            if (methods.isEmpty()) {
                continue;
            }
            String first = methods.get(0);
            topFrames.merge(first, 1, Integer::sum);
            topPackages.merge(packageOf(first), 1, Integer::sum);
            for (Map.Entry<String, String> stage : STAGES.entrySet()) {
                String[] patterns = stage.getValue().split("\\|");
                boolean hit = methods.stream().anyMatch(method -> {
                    for (String pattern : patterns) {
                        if (method.contains(pattern)) {
                            return true;
                        }
                    }
                    return false;
                });
                if (hit) {
                    stages.merge(stage.getKey(), 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d execution samples with Java frames%n", args[0], samples);
        System.out.println("top frames:");
        print(topFrames, samples, top);
        System.out.println("top frames by package:");
        print(topPackages, samples, 10);
        if (collections > 0) {
            System.out.printf(Locale.ROOT, "garbage collections: %d %s, pauses %.0f ms in total, longest %.1f ms%n",
                    collections, collectors, pauseTotal, pauseMax);
        }
        System.out.println("samples whose stack passes through (inclusive):");
        for (Map.Entry<String, Integer> stage : stages.entrySet()) {
            System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * stage.getValue() / Math.max(samples, 1), stage.getKey());
        }
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n",
                        100.0 * entry.getValue() / Math.max(samples, 1), entry.getValue(), entry.getKey()));
    }

    /** The first three segments of the frame's class name: org.drools.core, java.util, nl.draagvlak.engine. */
    private static String packageOf(String method) {
        String[] parts = method.split("\\.");
        int segments = Math.min(3, parts.length - 2);
        return String.join(".", java.util.Arrays.copyOf(parts, Math.max(segments, 1)));
    }
}
