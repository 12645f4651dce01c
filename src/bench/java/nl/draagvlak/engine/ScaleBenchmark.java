package nl.draagvlak.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.draagvlak.contract.DecisionRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How cost grows: decision time (engine, trace on) with 1, 10 and 100 stakeholders; decision time and
 * compile time for the catalogue's rules and for a synthetic ruleset ten times its size.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScaleBenchmark {

    /** The worst-case plan with n stakeholders: every per-stakeholder rule fires for each. */
    @State(Scope.Benchmark)
    public static class Stakeholders {
        @Param({"1", "10", "100"})
        public int stakeholders;

        CompiledRuleset ruleset;
        DecisionRequest request;
        final DecisionEngine engine = new DecisionEngine();

        @Setup(Level.Trial)
        public void setUp() {
            ruleset = BenchRequests.catalogue();
            request = BenchRequests.worst(stakeholders);
        }
    }

    /** The typical request, decided by the catalogue (size 1) or the synthetic ruleset ten times its size. */
    @State(Scope.Benchmark)
    public static class Rules {
        @Param({"1", "10"})
        public int rulesetSize;

        CompiledRuleset ruleset;
        DecisionRequest request;
        final DecisionEngine engine = new DecisionEngine();

        @Setup(Level.Trial)
        public void setUp() {
            CompiledRuleset catalogue = BenchRequests.catalogue();
            ruleset = rulesetSize == 1 ? catalogue
                    : new RulesetCompiler().compile(SyntheticRuleset.files(BenchRequests.rulesDir(), rulesetSize));
            request = BenchRequests.named("typical");
            long helpers = catalogue.rules().stream().filter(rule -> rule.id().startsWith("DERIVE-")).count();
            long expectedRules = rulesetSize * (catalogue.rules().size() - helpers) + helpers;
            if (ruleset.rules().size() != expectedRules) {
                throw new IllegalStateException("synthetic ruleset has " + ruleset.rules().size() + " rules, expected "
                        + expectedRules + " (the helper rules are not copied)");
            }
            int findings = engine.decide(catalogue, request, false).findings().size();
            int syntheticFindings = engine.decide(ruleset, request, false).findings().size();
            if (syntheticFindings != rulesetSize * findings) {
                throw new IllegalStateException("synthetic ruleset found " + syntheticFindings + ", expected "
                        + rulesetSize * findings);
            }
        }
    }

    /** The rule files to compile: the catalogue's, or ten times as many. */
    @State(Scope.Benchmark)
    public static class Sources {
        @Param({"1", "10"})
        public int rulesetSize;

        List<RuleFile> files;

        @Setup(Level.Trial)
        public void setUp() {
            files = SyntheticRuleset.files(BenchRequests.rulesDir(), rulesetSize);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 10, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Decision decideByStakeholders(Stakeholders state) {
        return state.engine.decide(state.ruleset, state.request, true);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 10, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Decision decideByRulesetSize(Rules state) {
        return state.engine.decide(state.ruleset, state.request, true);
    }

    /**
     * One compile per shot, four shots in a fresh JVM and none discarded: the first is the cold one
     * (as at start-up), the other three warm (as a hot reload); bench/jmh-report.py shows both.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 4)
    public CompiledRuleset compile(Sources state) {
        return new RulesetCompiler().compile(state.files);
    }
}
