package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.model.Assessment;
import nl.draagvlak.model.Fact;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The target ratios measured side by side: the variants of {@link EngineBenchmark} run in one JVM,
 * round-robin in short blocks, so that whatever else the (shared) machine is doing slows them
 * all alike; JMH runs each variant in its own fork, minutes apart, where one fork can catch a
 * busy minute and another a quiet one. Reports per variant the median time per decision over the
 * rounds, and per pair the median of the per-round ratios.
 *
 * <pre>java -cp target/bench/benchmarks.jar nl.draagvlak.engine.InterleavedRatios [warm-up s] [rounds] [block ms]</pre>
 */
public final class InterleavedRatios {

    private static volatile Object sink;

    private InterleavedRatios() {
    }

    public static void main(String[] args) {
        double warmupSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        long blockNanos = (long) ((args.length > 2 ? Double.parseDouble(args[2]) : 200) * 1e6);
        CompiledRuleset ruleset = BenchRequests.catalogue();
        DecisionEngine engine = new DecisionEngine();
        KieCommands commands = KieServices.get().getCommands();
        System.out.printf(Locale.ROOT, "# interleaved: %.0f s warm-up per request, %d rounds of %d ms blocks per variant%n",
                warmupSeconds, rounds, blockNanos / 1_000_000);
        for (String name : BenchRequests.NAMES) {
            DecisionRequest request = BenchRequests.named(name);
            Map<String, Supplier<Object>> variants = new LinkedHashMap<>();
            variants.put("traceOn", () -> engine.decide(ruleset, request, true));
            variants.put("traceOff", () -> engine.decide(ruleset, request, false));
            variants.put("bareWithVerdict", () -> {
                List<Fact> facts = RequestFacts.of(request);
                Assessment assessment = new Assessment(ruleset.metaByName());
                StatelessKieSession session = ruleset.kieBase().newStatelessKieSession();
                session.setGlobal("assessment", assessment);
                session.execute(commands.newBatchExecution(List.<Command<?>>of(commands.newInsertElements(facts),
                        commands.newFireAllRules(), commands.newAgendaGroupSetFocus("verdict"),
                        commands.newFireAllRules())));
                return assessment;
            });
            variants.put("bareExecute", () -> {
                List<Fact> facts = RequestFacts.of(request);
                Assessment assessment = new Assessment(ruleset.metaByName());
                StatelessKieSession session = ruleset.kieBase().newStatelessKieSession();
                session.setGlobal("assessment", assessment);
                session.execute(facts);
                return assessment;
            });
            variants.put("plainJava", () -> PlainJavaGuidance.decide(request));

            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            while (System.nanoTime() < warmupEnd) {
                for (Supplier<Object> variant : variants.values()) {
                    block(variant, 50_000_000L);
                }
            }
            Map<String, double[]> perRound = new LinkedHashMap<>();
            variants.keySet().forEach(key -> perRound.put(key, new double[rounds]));
            List<String> order = new ArrayList<>(variants.keySet());
            for (int round = 0; round < rounds; round++) {
                // rotate the order each round, so no variant always follows the same one
                for (int k = 0; k < order.size(); k++) {
                    String key = order.get((k + round) % order.size());
                    perRound.get(key)[round] = block(variants.get(key), blockNanos);
                }
            }
            System.out.printf("%n%s request:%n", name);
            for (Map.Entry<String, double[]> entry : perRound.entrySet()) {
                double[] sorted = entry.getValue().clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "  %-16s median %9.2f µs/decision (quartiles %.2f–%.2f)%n", entry.getKey(),
                        sorted[rounds / 2], sorted[rounds / 4], sorted[(3 * rounds) / 4]);
            }
            ratio(perRound, "traceOn", "bareWithVerdict");
            ratio(perRound, "traceOn", "bareExecute");
            ratio(perRound, "traceOn", "traceOff");
            ratio(perRound, "traceOn", "plainJava");
        }
    }

    private static void ratio(Map<String, double[]> perRound, String top, String bottom) {
        double[] a = perRound.get(top);
        double[] b = perRound.get(bottom);
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "  %s ÷ %s: median of per-round ratios %.2f× (quartiles %.2f–%.2f)%n", top, bottom,
                ratios[ratios.length / 2], ratios[ratios.length / 4], ratios[(3 * ratios.length) / 4]);
    }

    /** Runs the variant for about the given time; microseconds per call. */
    private static double block(Supplier<Object> variant, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long calls = 0;
        long now;
        do {
            sink = variant.get();
            calls++;
        } while ((now = System.nanoTime()) < end);
        return (now - start) / 1e3 / calls;
    }
}
