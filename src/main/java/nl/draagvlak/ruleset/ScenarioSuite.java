package nl.draagvlak.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.scenario.ScenarioResult;
import nl.draagvlak.scenario.ScenarioRunner;

/**
 * Every scenario of the cases folder, run against one ruleset. The scenarios are independent
 * decisions on one compiled ruleset, so they run on every core (a gate at start waits for them,
 * on the main thread); the runs are listed in path order all the same.
 */
public final class ScenarioSuite {

    private final Path folder;
    private final ScenarioRunner runner = new ScenarioRunner();
    private final int threads;

    public ScenarioSuite(Path folder) {
        this(folder, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many scenarios run at once; 1 runs them one after the other on the caller's thread */
    ScenarioSuite(Path folder, int threads) {
        this.folder = folder;
        this.threads = Math.max(1, threads);
    }

    /** One scenario's run: its name, and its result, or the error that kept it from running. */
    public record Run(String name, ScenarioResult result, String error) {

        public boolean passed() {
            return error == null && result.passed();
        }
    }

    /** Whether there is a cases folder at all; without one the gate only compiles and lints. */
    public boolean present() {
        return Files.isDirectory(folder);
    }

    public Path folder() {
        return folder;
    }

    /**
     * What the scenarios are: every scenario file's name and content, hashed; "absent" without a
     * cases folder. A gate's findings hold for another moment only while this is the same.
     */
    public String fingerprint() {
        if (!present()) {
            return "absent";
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : ScenarioFiles.list(folder)) {
                digest.update(ScenarioFiles.displayName(folder, file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                byte[] content = Files.readAllBytes(file);
                digest.update(Integer.toString(content.length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario folder " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every scenario's run, in path order. */
    public List<Run> run(CompiledRuleset ruleset) {
        if (!present()) {
            return List.of();
        }
        List<Path> files = ScenarioFiles.list(folder);
        if (threads == 1 || files.size() < 2) {
            return files.stream().map(file -> run(ruleset, file)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), new Named());
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (Path file : files) {
                runs.add(pool.submit(() -> run(ruleset, file)));
            }
            List<Run> results = new ArrayList<>();
            for (Future<Run> run : runs) {
                results.add(result(run));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Run run(CompiledRuleset ruleset, Path file) {
        String name = ScenarioFiles.displayName(folder, file);
        try {
            return new Run(name, runner.run(ruleset, ScenarioFiles.read(folder, file)), null);
        } catch (RuntimeException e) {
            return new Run(name, null, e.getMessage());
        }
    }

    /** A scenario's run; what it threw beyond a RuntimeException (an Error) goes on as it would have unparallelled. */
    private static Run result(Future<Run> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a scenario could not be run: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the scenarios ran", e);
        }
    }

    /** The names of the scenarios that fail on the ruleset, in path order. */
    public List<String> failing(CompiledRuleset ruleset) {
        return run(ruleset).stream().filter(run -> !run.passed()).map(Run::name).toList();
    }

    /** Daemon threads named after their work, so that a thread dump says what they do. */
    private static final class Named implements java.util.concurrent.ThreadFactory {

        private static final AtomicInteger suites = new AtomicInteger();
        private final int suite = suites.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "scenarios-" + suite + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
