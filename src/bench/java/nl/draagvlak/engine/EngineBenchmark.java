package nl.draagvlak.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.model.Assessment;
import nl.draagvlak.model.Fact;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.BatchExecutionCommand;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.StatelessKieSession;
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
 * One decision, five ways, for the healthy, typical and worst-case request:
 * <ol>
 * <li>{@code engineTraceOn}: {@link DecisionEngine#decide} with the trace, as the service calls it;</li>
 * <li>{@code engineTraceOff}: the same without the trace;</li>
 * <li>{@code droolsStateless}: a bare stateless session on the same KieBase, global set, the same facts
 * executed, no listener, no decision built. Its single fireAllRules leaves the {@code verdict}
 * agenda group unfocused, so the verdict rules do not run: it does less rule work than the engine;</li>
 * <li>{@code droolsStatelessWithVerdict}: the same bare session executing insert, fire, focus
 * {@code verdict}, fire: the engine's rule work and nothing else (the like-for-like baseline);</li>
 * <li>{@code plainJava}: the catalogue hand-coded ({@link PlainJavaGuidance}), the floor.</li>
 * </ol>
 * Each engine/Drools variant starts from the request record, so converting it to facts is included.
 * Setup checks that the engine and the plain Java agree on findings, gaps and verdict.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    @Param({"healthy", "typical", "worst"})
    public String request;

    private CompiledRuleset ruleset;
    private KieBase kieBase;
    private DecisionRequest decisionRequest;
    private DecisionEngine engine;
    private KieCommands commands;

    @Setup(Level.Trial)
    public void setUp() {
        ruleset = BenchRequests.catalogue();
        kieBase = ruleset.kieBase();
        decisionRequest = BenchRequests.named(request);
        engine = new DecisionEngine();
        commands = KieServices.get().getCommands();
        Agreement.check(request, engine.decide(ruleset, decisionRequest, false), PlainJavaGuidance.decide(decisionRequest));
    }

    @Benchmark
    public Decision engineTraceOn() {
        return engine.decide(ruleset, decisionRequest, true);
    }

    @Benchmark
    public Decision engineTraceOff() {
        return engine.decide(ruleset, decisionRequest, false);
    }

    @Benchmark
    public Assessment droolsStateless() {
        List<Fact> facts = RequestFacts.of(decisionRequest);
        Assessment assessment = new Assessment(ruleset.metaByName());
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("assessment", assessment);
        session.execute(facts);
        return assessment;
    }

    @Benchmark
    public Assessment droolsStatelessWithVerdict() {
        List<Fact> facts = RequestFacts.of(decisionRequest);
        Assessment assessment = new Assessment(ruleset.metaByName());
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("assessment", assessment);
        BatchExecutionCommand batch = commands.newBatchExecution(List.<Command<?>>of(
                commands.newInsertElements(facts),
                commands.newFireAllRules(),
                commands.newAgendaGroupSetFocus("verdict"),
                commands.newFireAllRules()));
        session.execute(batch);
        return assessment;
    }

    @Benchmark
    public PlainJavaGuidance.Outcome plainJava() {
        return PlainJavaGuidance.decide(decisionRequest);
    }
}
