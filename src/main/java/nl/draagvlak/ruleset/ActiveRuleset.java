package nl.draagvlak.ruleset;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RuleProblem;
import nl.draagvlak.engine.RulesetCompilationException;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.engine.RulesetVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ruleset the service decides with. Compiled from the rules folder at start (a folder that
 * does not compile stops the start); afterwards {@link #reloadIfChanged()} swaps in a changed
 * folder only when it compiles whole, so a broken edit never replaces the last good ruleset.
 */
public final class ActiveRuleset {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);

    private final RulesProperties properties;
    private final RulesetCompiler compiler;
    private final AtomicReference<CompiledRuleset> current = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> lastReload = new AtomicReference<>();
    private final List<Consumer<CompiledRuleset>> activationListeners = new CopyOnWriteArrayList<>();
    private volatile String lastRejectedVersion;

    public ActiveRuleset(RulesProperties properties, RulesetCompiler compiler) {
        this(properties, compiler, Optional.empty());
    }

    /** Takes the first ruleset from a compile already under way, if there is one. */
    ActiveRuleset(RulesProperties properties, RulesetCompiler compiler,
                  Optional<CompletableFuture<CompiledRuleset>> underWay) {
        this.properties = properties;
        this.compiler = compiler;
        CompiledRuleset first;
        try {
            first = underWay.isPresent() ? join(underWay.get()) : compiler.compile(RuleFolder.read(properties.dir()));
        } catch (RulesetCompilationException e) {
            log.error("The rules in {} do not compile; the service does not start.\n{}", properties.dir(),
                    formatted(e.problems()));
            throw e;
        }
        current.set(first);
        log.info("Ruleset {} active: {} rules from {}", first.version(), first.rules().size(),
                properties.dir().toAbsolutePath());
    }

    static CompiledRuleset join(CompletableFuture<CompiledRuleset> compile) {
        try {
            return compile.get(RulesetWarmup.COMPILE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the start-up compile of the rules failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the start-up compile of the rules did not finish within "
                    + RulesetWarmup.COMPILE_LIMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the start-up compile of the rules", e);
        }
    }

    public CompiledRuleset current() {
        return current.get();
    }

    /** The last reload attempt, or null when the folder has not changed since start. */
    public ReloadOutcome lastReload() {
        return lastReload.get();
    }

    /** Called with each ruleset that becomes active, the one active now included. */
    public void onActivation(Consumer<CompiledRuleset> listener) {
        activationListeners.add(listener);
        listener.accept(current.get());
    }

    /** Compiles the rules folder if its files changed; activates it only if it compiles. */
    public synchronized void reloadIfChanged() {
        List<RuleFile> files = RuleFolder.read(properties.dir());
        String version = RulesetVersion.of(files);
        if (version.equals(current.get().version()) || version.equals(lastRejectedVersion)) {
            return;
        }
        try {
            CompiledRuleset next = compiler.compile(files);
            activationListeners.forEach(listener -> listener.accept(next));
            current.set(next);
            lastRejectedVersion = null;
            lastReload.set(new ReloadOutcome(java.time.Instant.now(), version, true, List.of()));
            log.info("Ruleset {} active: {} rules (reloaded from {})", version, next.rules().size(), properties.dir());
        } catch (RulesetCompilationException e) {
            lastRejectedVersion = version;
            List<String> problems = e.problems().stream().map(RuleProblem::format).toList();
            lastReload.set(new ReloadOutcome(java.time.Instant.now(), version, false, problems));
            log.error("Changed rules rejected; ruleset {} stays active.\n{}", current.get().version(),
                    formatted(e.problems()));
        }
    }

    private static String formatted(List<RuleProblem> problems) {
        return String.join("\n", problems.stream().map(RuleProblem::format).toList());
    }
}
