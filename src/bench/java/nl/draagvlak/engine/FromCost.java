package nl.draagvlak.engine;

import java.lang.management.ManagementFactory;
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
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.StatelessKieSession;

/**
 * What the catalogue's way of writing a finding rule costs the engine, split in its parts: the real
 * rules/ compiled three ways ({@link CheckRewriting}), each decided on the same request:
 * <ol>
 * <li>{@code a-asWritten}: the catalogue: {@code $check : Check( open ) from <three-valued expression>};</li>
 * <li>{@code b-noFrom}: the same three-valued check as a constraint on the pattern above it, no {@code from};</li>
 * <li>{@code c-twoValued}: two-valued constraints on the field values, no Check, no {@code from}: the floor of
 * writing the rules in DRL at all (it raises no "not assessed", so it does a little less work).</li>
 * </ol>
 * Each is run as the service runs it ({@code engine}: {@link DecisionEngine#decide}, pooled sessions, trace
 * on) and as a bare stateless session on its own KieBase ({@code bare}: a new session per decision, insert,
 * fire, focus {@code verdict}, fire: the engine's rule work and nothing else). Like {@link InterleavedRatios},
 * the six run round-robin in short blocks in one JVM, so that the shared machine slows them alike; reported
 * per variant are the median and quartiles over the rounds of the time and of the bytes allocated per
 * decision (this thread's, from the JVM's allocation counter), and the medians of the per-round ratios.
 * Before measuring, it checks that (a) and (b) agree on every bench request (findings, gaps, verdict and
 * trace entries), so a rewriting that changed what the rules decide fails the run.
 *
 * <pre>java -cp target/bench/benchmarks.jar nl.draagvlak.engine.FromCost [warm-up s] [rounds] [block ms] [request]</pre>
 */
public final class FromCost {

    private static final List<String> RULESETS = List.of("a-asWritten", "b-noFrom", "c-twoValued");

    private static volatile Object sink;

    private FromCost() {
    }

    public static void main(String[] args) {
        double warmupSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long blockNanos = (long) ((args.length > 2 ? Double.parseDouble(args[2]) : 200) * 1e6);
        String requestName = args.length > 3 ? args[3] : "typical";

        List<RuleFile> catalogue = RuleFolder.read(BenchRequests.rulesDir());
        RulesetCompiler compiler = new RulesetCompiler();
        Map<String, CompiledRuleset> rulesets = new LinkedHashMap<>();
        rulesets.put("a-asWritten", compiler.compile(catalogue));
        rulesets.put("b-noFrom", compiler.compile(CheckRewriting.withoutFrom(catalogue)));
        rulesets.put("c-twoValued", compiler.compile(CheckRewriting.twoValued(catalogue)));
        DecisionEngine engine = new DecisionEngine();
        checkAgreement(engine, rulesets);

        DecisionRequest request = BenchRequests.named(requestName);
        KieCommands commands = KieServices.get().getCommands();
        Map<String, Supplier<Object>> variants = new LinkedHashMap<>();
        for (String name : RULESETS) {
            CompiledRuleset ruleset = rulesets.get(name);
            variants.put(name + " engine", () -> engine.decide(ruleset, request, true));
            variants.put(name + " bare", () -> {
                List<Fact> facts = RequestFacts.of(request);
                Assessment assessment = new Assessment(ruleset.metaByName());
                StatelessKieSession session = ruleset.kieBase().newStatelessKieSession();
                session.setGlobal("assessment", assessment);
                session.execute(commands.newBatchExecution(List.<Command<?>>of(commands.newInsertElements(facts),
                        commands.newFireAllRules(), commands.newAgendaGroupSetFocus("verdict"),
                        commands.newFireAllRules())));
                return assessment;
            });
        }
        System.out.printf(Locale.ROOT, "# from-cost: %s request, %d finding rules read with from (all of rules/),"
                        + " %.0f s warm-up, %d rounds of %d ms blocks per variant; load average %s%n",
                requestName, CheckRewriting.checksReadWithFrom(catalogue), warmupSeconds, rounds, blockNanos / 1_000_000,
                loadAverage());
        for (String name : RULESETS) {
            Decision decision = engine.decide(rulesets.get(name), request, true);
            System.out.printf(Locale.ROOT, "#   %-12s %s, %d findings, %d not assessed, %d firings%n", name,
                    decision.verdict(), decision.findings().size(), decision.notAssessed().size(), decision.firings());
        }

        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            for (Supplier<Object> variant : variants.values()) {
                block(variant, 50_000_000L);
            }
        }
        Map<String, double[]> micros = new LinkedHashMap<>();
        Map<String, double[]> bytes = new LinkedHashMap<>();
        variants.keySet().forEach(key -> {
            micros.put(key, new double[rounds]);
            bytes.put(key, new double[rounds]);
        });
        List<String> order = new ArrayList<>(variants.keySet());
        for (int round = 0; round < rounds; round++) {
            // rotate the order each round, so no variant always follows the same one
            for (int k = 0; k < order.size(); k++) {
                String key = order.get((k + round) % order.size());
                double[] measured = block(variants.get(key), blockNanos);
                micros.get(key)[round] = measured[0];
                bytes.get(key)[round] = measured[1];
            }
        }
        System.out.printf(Locale.ROOT, "%n%-22s %-34s %s%n", "variant", "µs/decision median (quartiles)",
                "KiB allocated/decision median (quartiles)");
        for (String key : variants.keySet()) {
            double[] time = sorted(micros.get(key));
            double[] alloc = sorted(bytes.get(key));
            System.out.printf(Locale.ROOT, "%-22s %8.1f (%.1f–%.1f)%15s %7.1f (%.1f–%.1f)%n", key, median(time),
                    quartile(time, 1), quartile(time, 3), "", median(alloc) / 1024, quartile(alloc, 1) / 1024,
                    quartile(alloc, 3) / 1024);
        }
        System.out.println();
        for (String kind : List.of("engine", "bare")) {
            ratio(micros, bytes, "b-noFrom " + kind, "a-asWritten " + kind);
            ratio(micros, bytes, "c-twoValued " + kind, "a-asWritten " + kind);
        }
        for (String name : RULESETS) {
            ratio(micros, bytes, name + " engine", name + " bare");
        }
        // issue 12's target 2 compares the engine with the bare session on the catalogue's KieBase
        ratio(micros, bytes, "b-noFrom engine", "a-asWritten bare");
        ratio(micros, bytes, "c-twoValued engine", "a-asWritten bare");
        System.out.printf(Locale.ROOT, "# load average at the end %s%n", loadAverage());
    }

    /**
     * (a) and (b) must decide every bench request alike: the same verdict, findings and gaps (in the
     * contract's order) and the same trace entries; only the order in which rules of equal salience fire
     * may differ, as the rewritten rules build a different network. (c) is two-valued and may differ.
     */
    private static void checkAgreement(DecisionEngine engine, Map<String, CompiledRuleset> rulesets) {
        for (String name : BenchRequests.NAMES) {
            DecisionRequest request = BenchRequests.named(name);
            List<String> asWritten = outline(engine.decide(rulesets.get("a-asWritten"), request, true));
            List<String> noFrom = outline(engine.decide(rulesets.get("b-noFrom"), request, true));
            if (!asWritten.equals(noFrom)) {
                int first = 0;
                while (first < Math.min(asWritten.size(), noFrom.size()) && asWritten.get(first).equals(noFrom.get(first))) {
                    first++;
                }
                throw new IllegalStateException("the rules without from decide the " + name + " request differently: "
                        + (first < asWritten.size() ? asWritten.get(first) : "(nothing)") + " as written, "
                        + (first < noFrom.size() ? noFrom.get(first) : "(nothing)") + " without from");
            }
        }
    }

    private static List<String> outline(Decision decision) {
        List<String> out = new ArrayList<>();
        out.add("verdict " + decision.verdict() + " by " + decision.verdictRuleId());
        for (Finding finding : decision.findings()) {
            out.add("finding " + finding.ruleId() + "/" + finding.stakeholderIndex());
        }
        for (NotAssessed gap : decision.notAssessed()) {
            out.add("not assessed " + gap.ruleId() + "/" + gap.stakeholderIndex() + gap.missing());
        }
        List<String> trace = new ArrayList<>();
        for (TraceEntry entry : decision.trace()) {
            trace.add("trace " + entry.ruleId() + entry.matched());
        }
        trace.sort(null);
        out.addAll(trace);
        return out;
    }

    private static void ratio(Map<String, double[]> micros, Map<String, double[]> bytes, String top, String bottom) {
        double[] time = sorted(perRound(micros.get(top), micros.get(bottom)));
        double[] alloc = sorted(perRound(bytes.get(top), bytes.get(bottom)));
        System.out.printf(Locale.ROOT, "%-20s ÷ %-20s time %.2f× (%.2f–%.2f), allocated %.2f× (%.2f–%.2f)%n", top,
                bottom, median(time), quartile(time, 1), quartile(time, 3), median(alloc), quartile(alloc, 1),
                quartile(alloc, 3));
    }

    private static double[] perRound(double[] top, double[] bottom) {
        double[] ratios = new double[top.length];
        for (int i = 0; i < top.length; i++) {
            ratios[i] = top[i] / bottom[i];
        }
        return ratios;
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double median(double[] sorted) {
        return quartile(sorted, 2);
    }

    private static double quartile(double[] sorted, int which) {
        return sorted[Math.min(sorted.length - 1, (which * sorted.length) / 4)];
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Runs the variant for about the given time; {microseconds, bytes allocated} per call. */
    private static double[] block(Supplier<Object> variant, long nanos) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        long end = start + nanos;
        long calls = 0;
        long now;
        do {
            sink = variant.get();
            calls++;
        } while ((now = System.nanoTime()) < end);
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        return new double[] {(now - start) / 1e3 / calls, (double) allocated / calls};
    }
}
