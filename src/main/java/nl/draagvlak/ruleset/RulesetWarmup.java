package nl.draagvlak.ruleset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.engine.RulesetVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts compiling the rules as soon as the configuration is known, on a thread of its own, so
 * that the compile (seconds when not cached) overlaps the start of the Spring context instead of
 * following it; once compiled, the same thread runs the gate's lint and scenarios on a version new
 * here, so that a first start need not run them on the main thread after the store is migrated. {@link ActiveRuleset}
 * takes the compile, or its error, when it is created, waiting at most {@link #COMPILE_LIMIT}, and
 * the gate's findings only when they are for the folder and the scenarios it reads itself.
 */
public final class RulesetWarmup implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /**
     * How long the start waits for the compile: the rules compile cold in about 4 s, and ten times
     * the rules take three times as long (docs/benchmarks.md), so this leaves room for far more.
     * The gate's run after it is waited for as long again.
     */
    static final Duration COMPILE_LIMIT = Duration.ofMinutes(5);

    private record Started(Path dir, String cacheDir, Path casesDir, UnderWay underWay) {
    }

    private static volatile Started started;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        RulesProperties properties = Binder.get(event.getEnvironment()).bindOrCreate("draagvlak.rules",
                RulesProperties.class);
        started = new Started(properties.dir(), properties.cacheDir(), properties.casesDir(), warmUp(properties));
    }

    /**
     * Compiles the folder and, unless this machine compiled that version before (cached), runs the
     * gate on it. A version compiled before was most likely active before, and a start whose folder
     * is as the store last saw it restores that version without a gate: the run would only take
     * the cores the rest of the start needs. Any other start runs the gate itself when needed.
     */
    static UnderWay warmUp(RulesProperties properties) {
        RulesetCompiler compiler = RulesetConfiguration.compilerFor(properties);
        ScenarioSuite scenarios = new ScenarioSuite(properties.casesDir());
        RulesetGate gate = new RulesetGate(compiler, scenarios);
        AtomicBoolean newHere = new AtomicBoolean();
        return inBackground(() -> {
            List<RuleFile> files = RuleFolder.read(properties.dir());
            newHere.set(!compiler.compiledBefore(RulesetVersion.of(files)));
            return compiler.compile(files);
        }, compiled -> {
            if (!newHere.get()) {
                return null;
            }
            String fingerprint = scenarios.fingerprint(); // before the run: a change during it shows
            return new Gated(gate.check(compiled.files(), compiled), fingerprint);
        });
    }

    /** The gate's findings on what the warm-up compiled, and the fingerprint of the scenarios it ran. */
    record Gated(RulesetGate.Checked checked, String scenarios) {
    }

    /** What the warm-up has under way: the compile, then the gate on what it compiled. */
    public static final class UnderWay {

        private final CompletableFuture<CompiledRuleset> compile;
        private final CompletableFuture<Gated> gated;
        private volatile Thread gating;
        private volatile boolean abandoned;

        private UnderWay(CompletableFuture<CompiledRuleset> compile, CompletableFuture<Gated> gated) {
            this.compile = compile;
            this.gated = gated;
        }

        /** A compile under way with no gate run after it. */
        public static UnderWay compileOnly(CompletableFuture<CompiledRuleset> compile) {
            return new UnderWay(compile, CompletableFuture.completedFuture(null));
        }

        CompletableFuture<CompiledRuleset> compile() {
            return compile;
        }

        /**
         * The gate's findings from the warm-up, if it ran the gate on this folder version with the
         * scenarios as they are now; empty otherwise (the caller then runs the gate itself).
         */
        Optional<RulesetGate.Checked> gated(String folderVersion, ScenarioSuite scenarios) {
            Gated found = await(gated); // null: no run (abandoned, failed, or not started)
            if (found == null || !found.checked().version().equals(folderVersion)
                    || !found.scenarios().equals(scenarios.fingerprint())) {
                return Optional.empty();
            }
            return Optional.of(found.checked());
        }

        /** Its findings are not needed (the start restores a version): the gate's run stops. */
        void abandonGate() {
            abandoned = true;
            Thread thread = gating;
            if (thread != null) {
                thread.interrupt();
            }
        }

        private static Gated await(CompletableFuture<Gated> gated) {
            try {
                return gated.get(COMPILE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Runs the compile on a thread of its own, then the gate on what it compiled; whatever the
     * compile throws, an Error too, ends up in its future. A gate's run that fails or is abandoned
     * leaves no findings: the start then runs the gate itself and reports what it finds.
     */
    static UnderWay inBackground(Supplier<CompiledRuleset> compile, Function<CompiledRuleset, Gated> gate) {
        UnderWay underWay = new UnderWay(new CompletableFuture<>(), new CompletableFuture<>());
        Thread thread = new Thread(() -> {
            CompiledRuleset compiled;
            try {
                compiled = compile.get();
                underWay.compile.complete(compiled);
            } catch (Throwable e) {
                underWay.compile.completeExceptionally(e);
                underWay.gated.complete(null);
                return;
            }
            underWay.gating = Thread.currentThread();
            try {
                Gated gated = underWay.abandoned ? null : gate.apply(compiled);
                underWay.gated.complete(underWay.abandoned ? null : gated);
            } catch (Throwable e) {
                underWay.gated.complete(null);
            } finally {
                underWay.gating = null;
                Thread.interrupted(); // an abandon that came as it ended
            }
        }, "rules-warmup");
        thread.setDaemon(true);
        thread.start();
        return underWay;
    }

    /** The warm-up started for these properties, once; empty if none was started for them. */
    static synchronized Optional<UnderWay> take(RulesProperties properties) {
        Started warm = started;
        if (warm == null || !warm.dir().equals(properties.dir()) || !warm.cacheDir().equals(properties.cacheDir())
                || !warm.casesDir().equals(properties.casesDir())) {
            return Optional.empty();
        }
        started = null;
        return Optional.of(warm.underWay());
    }
}
