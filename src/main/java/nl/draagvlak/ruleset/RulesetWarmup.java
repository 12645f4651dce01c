package nl.draagvlak.ruleset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts compiling the rules as soon as the configuration is known, on a thread of its own, so
 * that the compile (seconds when not cached) overlaps the start of the Spring context instead of
 * following it. {@link ActiveRuleset} takes the result, or its error, when it is created, waiting
 * at most {@link #COMPILE_LIMIT}.
 */
public final class RulesetWarmup implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /**
     * How long the start waits for the compile: the rules compile cold in about 4 s, and ten times
     * the rules take three times as long (docs/benchmarks.md), so this leaves room for far more.
     */
    static final Duration COMPILE_LIMIT = Duration.ofMinutes(5);

    private record Started(Path dir, String cacheDir, CompletableFuture<CompiledRuleset> compile) {
    }

    private static volatile Started started;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        RulesProperties properties = Binder.get(event.getEnvironment()).bindOrCreate("draagvlak.rules",
                RulesProperties.class);
        CompletableFuture<CompiledRuleset> compile = inBackground(
                () -> RulesetConfiguration.compilerFor(properties).compile(RuleFolder.read(properties.dir())));
        started = new Started(properties.dir(), properties.cacheDir(), compile);
    }

    /** Runs the compile on a thread of its own; whatever it throws, an Error too, ends up in the future. */
    static CompletableFuture<CompiledRuleset> inBackground(Supplier<CompiledRuleset> compile) {
        CompletableFuture<CompiledRuleset> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(compile.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "rules-warmup");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The compile started for these properties, once; empty if none was started for them. */
    static synchronized Optional<CompletableFuture<CompiledRuleset>> take(RulesProperties properties) {
        Started warm = started;
        if (warm == null || !warm.dir().equals(properties.dir()) || !warm.cacheDir().equals(properties.cacheDir())) {
            return Optional.empty();
        }
        started = null;
        return Optional.of(warm.compile());
    }
}
