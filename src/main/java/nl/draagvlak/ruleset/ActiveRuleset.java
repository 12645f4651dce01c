package nl.draagvlak.ruleset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import nl.draagvlak.engine.RuleProblem;
import nl.draagvlak.engine.RulesetCompilationException;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.engine.RulesetVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ruleset the service decides with, and how it changes. A changed rules folder is a candidate
 * (see {@link FolderWatch}); it is activated only if it passes the gate (compile, lint, every
 * scenario), atomically: a decision takes {@link #current()} once and finishes on it, the next
 * takes the new one. A rejected candidate leaves the active ruleset serving. Any version ever
 * activated can be activated again in one call (a rollback), and stays active while the folder is
 * unchanged, across restarts too: the history keeps the activations and the folder as last seen.
 */
public final class ActiveRuleset {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);
    private static final int COMPILED_KEPT = 4;
    private static final int REJECTED_KEPT = 20;

    /**
     * The active ruleset, when and by whom it was activated (on whichever node), and since when this
     * node decides with it.
     */
    public record Active(CompiledRuleset ruleset, Instant activatedAt, String activatedBy, Instant servingSince) {
    }

    private final RulesProperties properties;
    private final RulesetCompiler compiler;
    private final RulesetHistory history;
    private final RuleCounters counters;
    private final RulesetGate gate;
    private final FolderWatch watch;
    private final AtomicReference<Active> current = new AtomicReference<>();
    private final List<Consumer<CompiledRuleset>> activationListeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompiledRuleset> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleset> eldest) {
            return size() > COMPILED_KEPT;
        }
    };
    private volatile CandidateOutcome lastCandidate;
    private final java.util.Deque<CandidateOutcome> rejectedCandidates = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile String lastSeen;
    private final boolean followsStore;
    private volatile String syncProblem;

    /** A ruleset whose history lives only as long as the process (the command line, tests of the gate). */
    public ActiveRuleset(RulesProperties properties, RulesetCompiler compiler) {
        this(properties, compiler, new MemoryRulesetHistory(), new RuleCounters(), Optional.empty());
    }

    /** Takes the folder's first compile from one already under way, if there is one. */
    public ActiveRuleset(RulesProperties properties, RulesetCompiler compiler, RulesetHistory history,
                         RuleCounters counters, Optional<CompletableFuture<CompiledRuleset>> underWay) {
        this(properties, compiler, history, counters, underWay.map(RulesetWarmup.UnderWay::compileOnly), false);
    }

    /**
     * @param underWay     the start-up compile of the folder and the gate's run on it, if under way: its
     *                     findings are taken when they are for the folder and scenarios read here
     * @param followsStore whether the store's newest activation is the active version, whichever node
     *                     made it (several nodes on one store): see {@link #follow()}
     */
    public ActiveRuleset(RulesProperties properties, RulesetCompiler compiler, RulesetHistory history,
                         RuleCounters counters, Optional<RulesetWarmup.UnderWay> underWay,
                         boolean followsStore) {
        this.followsStore = followsStore;
        this.properties = properties;
        this.compiler = compiler;
        this.history = history;
        this.counters = counters;
        this.gate = new RulesetGate(compiler, new ScenarioSuite(properties.casesDir()));
        this.watch = new FolderWatch(properties.dir(), properties.quietPeriod());
        if (!gate.scenarios().present()) {
            log.warn("No scenario folder at {}: candidates are compiled and linted, but no scenario is run",
                    properties.casesDir().toAbsolutePath());
        }
        try {
            if (followsStore) {
                startFollowing(underWay);
            } else {
                start(underWay);
            }
        } finally {
            underWay.ifPresent(RulesetWarmup.UnderWay::abandonGate); // not needed, or taken already
        }
    }

    /**
     * At start the recorded active version is restored while the folder is as the store last saw it;
     * a folder that differs is a candidate like any other. With nothing recorded to fall back on, a
     * folder that does not pass the gate stops the start.
     */
    private void start(Optional<RulesetWarmup.UnderWay> underWay) {
        List<RuleFile> files = FolderWatch.readSteady(properties.dir());
        String folder = RulesetVersion.of(files);
        CompiledRuleset warm = warmCompile(underWay, folder);
        List<Activation> activations = history.activations();
        Optional<String> seen = history.lastSeenFolder();
        lastSeen = folder;
        if (seen.isPresent() && seen.get().equals(folder) && !activations.isEmpty()) {
            Activation last = activations.get(0);
            restore(last, last.version().equals(folder) && warm != null ? warm : compiled(last.version()));
            log.info("Ruleset {} active (restored: the rules folder is as the store last saw it): {} rules",
                    last.version(), current().rules().size());
            return;
        }
        RulesetGate.Checked checked = checkedAtStart(underWay, files, folder, warm);
        if (checked.passed()) {
            activate(checked.ruleset(), "start", activations.isEmpty() ? "first start"
                    : "the rules folder changed while the service was stopped", List.of(), folder);
            lastCandidate = outcome(checked, CandidateOutcome.Outcome.ACTIVATED);
            return;
        }
        lastCandidate = rejected(checked, folder);
        if (!activations.isEmpty()) {
            Activation last = activations.get(0);
            restore(last, compiled(last.version()));
            log.error("The rules folder changed while the service was stopped, but the change is rejected; ruleset"
                    + " {} stays active.\n{}", last.version(), describe(lastCandidate));
            return;
        }
        log.error("The rules in {} do not pass the gate; with no earlier ruleset to fall back on the service does"
                + " not start.\n{}", properties.dir(), describe(lastCandidate));
        if (!checked.problems().isEmpty() && checked.ruleset() == null) {
            throw new RulesetCompilationException(checked.problems());
        }
        throw new IllegalStateException("the rules in " + properties.dir() + " do not pass the gate: "
                + describe(lastCandidate));
    }

    /**
     * Start of a node that follows the store. The store's newest activation is the active version;
     * the folder is a candidate only when it holds a version the store never had (a change made
     * while the node was stopped). A folder that is empty, missing, or holds a version activated
     * before (an older one, say) is not: the node takes the store's version and the others keep it.
     */
    private void startFollowing(Optional<RulesetWarmup.UnderWay> underWay) {
        List<RuleFile> files = readFolderOrNothing();
        String folder = RulesetVersion.of(files);
        lastSeen = folder;
        Optional<Activation> latest = history.latest();
        if (latest.isEmpty()) {
            start(underWay);
            return;
        }
        CompiledRuleset warm = warmCompile(underWay, folder);
        if (!files.isEmpty() && history.files(folder).isEmpty()) {
            RulesetGate.Checked checked = checkedAtStart(underWay, files, folder, warm);
            if (checked.passed()) {
                activate(checked.ruleset(), "start", "the rules folder holds a version new to the store", List.of(),
                        folder);
                lastCandidate = outcome(checked, CandidateOutcome.Outcome.ACTIVATED);
                return;
            }
            lastCandidate = rejected(checked, folder);
            log.error("The rules folder holds a new version, but it is rejected; the store's active ruleset {} is"
                    + " taken.\n{}", latest.get().version(), describe(lastCandidate));
        }
        String problem = switchTo(latest.get(), latest.get().version().equals(folder) ? warm : null);
        if (problem != null) {
            throw new IllegalStateException("the store's active ruleset " + latest.get().version()
                    + " cannot be taken: " + problem);
        }
        log.info("Ruleset {} active (the store's active version, activated {} by {}): {} rules",
                latest.get().version(), latest.get().activatedAt(), latest.get().activatedBy(),
                current().rules().size());
    }

    private List<RuleFile> readFolderOrNothing() {
        try {
            return FolderWatch.readSteady(properties.dir());
        } catch (java.io.UncheckedIOException e) {
            log.warn("No rules folder to read ({}): the store's active version is taken", e.getMessage());
            return List.of();
        }
    }

    /**
     * Takes the store's newest activation if this node does not decide with it yet: fetches its
     * files, runs the gate a local reload runs (compile, lint, scenarios; a scenario that failed when
     * it was activated, as in a rollback, may fail here too), then switches. A node that cannot
     * keeps deciding with what it has and reports the problem ({@link #syncProblem()}), so that it
     * is not ready. Only a node that follows the store does anything here.
     *
     * @throws RuntimeException when the store cannot be read; the caller reports it
     */
    public synchronized void follow() {
        if (!followsStore) {
            return;
        }
        Optional<Activation> latest = history.latest();
        if (latest.isEmpty() || latest.get().version().equals(current().version())) {
            syncProblem = null;
            return;
        }
        String problem = switchTo(latest.get(), cached(latest.get().version()));
        if (problem != null) {
            log.error("The store's active ruleset {} cannot be taken; this node is not ready while it decides with"
                    + " {}: {}", latest.get().version(), current().version(), problem);
        } else {
            log.info("Ruleset {} active (activated {} by {} on another node; serving it {} ms later): {} rules",
                    latest.get().version(), latest.get().activatedAt(), latest.get().activatedBy(),
                    java.time.Duration.between(latest.get().activatedAt(), active().servingSince()).toMillis(),
                    current().rules().size());
        }
    }

    /** Records that this node could not look at the store's active version (the store did not answer). */
    public void syncFailed(String problem) {
        if (followsStore) {
            syncProblem = problem;
        }
    }

    /**
     * Why this node does not decide with the store's active version, or null when it does (or does
     * not follow the store).
     */
    public String syncProblem() {
        return syncProblem;
    }

    public boolean followsStore() {
        return followsStore;
    }

    /** Gates and switches to an activation made elsewhere, recording nothing; the problem, or null. */
    private String switchTo(Activation activation, CompiledRuleset known) {
        Optional<List<RuleFile>> files = history.files(activation.version());
        if (files.isEmpty()) {
            return syncProblem = "the store holds no files for ruleset " + activation.version();
        }
        RulesetGate.Checked checked = gate.check(files.get(), known);
        if (!checked.compiledAndLinted()
                || !activation.failingScenarios().containsAll(checked.failingScenarios())) {
            CandidateOutcome outcome = outcome(checked, CandidateOutcome.Outcome.REJECTED);
            lastCandidate = outcome;
            counters.candidateRejected();
            return syncProblem = "ruleset " + activation.version() + " does not pass the gate here: "
                    + describe(outcome);
        }
        activationListeners.forEach(listener -> listener.accept(checked.ruleset()));
        Active previous = current.getAndSet(new Active(checked.ruleset(), activation.activatedAt(),
                activation.activatedBy(), Instant.now()));
        if (previous != null) {
            synchronized (compiled) {
                compiled.put(previous.ruleset().version(), previous.ruleset());
            }
        }
        syncProblem = null;
        return null;
    }

    /**
     * The gate's findings on the folder at start: those of the warm-up's run when it ran on this
     * folder version with the scenarios as they are now, else those of a run here.
     */
    private RulesetGate.Checked checkedAtStart(Optional<RulesetWarmup.UnderWay> underWay, List<RuleFile> files,
                                               String folder, CompiledRuleset warm) {
        if (warm != null && underWay.isPresent()) {
            Optional<RulesetGate.Checked> gated = underWay.get().gated(folder, gate.scenarios());
            if (gated.isPresent()) {
                return gated.get();
            }
        }
        return gate.check(files, warm);
    }

    private static CompiledRuleset warmCompile(Optional<RulesetWarmup.UnderWay> underWay, String folder) {
        if (underWay.isEmpty()) {
            return null;
        }
        try {
            CompiledRuleset warm = join(underWay.get().compile());
            return warm.version().equals(folder) ? warm : null;
        } catch (RulesetCompilationException e) {
            return null; // the gate compiles the folder again and reports what is wrong
        }
    }

    /** The start-up compile's result, waiting at most {@link RulesetWarmup#COMPILE_LIMIT}. */
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
        return current.get().ruleset();
    }

    public Active active() {
        return current.get();
    }

    /** The last candidate the gate judged (from the folder or a rollback); null when none since start. */
    public CandidateOutcome lastCandidate() {
        return lastCandidate;
    }

    /** The latest candidates the gate rejected since the start (at most 20), newest first. */
    public List<CandidateOutcome> rejectedCandidates() {
        return List.copyOf(rejectedCandidates);
    }

    public boolean watching() {
        return properties.watching();
    }

    public List<Activation> activations() {
        return history.activations();
    }

    /** Called with each ruleset that becomes active, the one active now included. */
    public void onActivation(Consumer<CompiledRuleset> listener) {
        activationListeners.add(listener);
        listener.accept(current.get().ruleset());
    }

    /** One look of the watcher: takes the folder as a candidate once a change has settled. */
    public void reloadIfChanged() {
        Optional<List<RuleFile>> candidate = watch.poll(lastSeen);
        if (candidate.isPresent()) {
            take(candidate.get(), "watcher", "the rules folder changed");
        }
    }

    /** Runs the gate on the folder now, whether or not it changed; {@code by} is who asked. */
    public CandidateOutcome reloadNow(String by) {
        return take(FolderWatch.readSteady(properties.dir()), by, "reload requested");
    }

    private synchronized CandidateOutcome take(List<RuleFile> files, String by, String reason) {
        String version = RulesetVersion.of(files);
        CompiledRuleset known = version.equals(current().version()) ? current() : cached(version);
        RulesetGate.Checked checked = gate.check(files, known);
        CandidateOutcome outcome;
        if (checked.passed()) {
            if (version.equals(current().version())) {
                history.recordSeen(version);
                lastSeen = version;
            } else {
                activate(checked.ruleset(), by, reason, List.of(), version);
            }
            counters.candidateActivated();
            outcome = outcome(checked, CandidateOutcome.Outcome.ACTIVATED);
        } else {
            outcome = rejected(checked, version);
            log.error("Candidate ruleset {} rejected; ruleset {} stays active.\n{}", version, current().version(),
                    describe(outcome));
        }
        lastCandidate = outcome;
        return outcome;
    }

    /**
     * Brings back a version that was active before (or is active now). Gated by compile and lint;
     * scenarios that fail on it are listed with the activation, not a block: they describe newer rules.
     *
     * @throws UnknownRulesetException  when the version was never activated here
     * @throws RulesetRejectedException when it does not compile or lint (any more)
     */
    public synchronized CandidateOutcome activate(String version, String by, String reason) {
        List<RuleFile> files = version.equals(current().version()) ? current().files()
                : history.files(version).orElseThrow(() -> new UnknownRulesetException(version));
        RulesetGate.Checked checked = gate.check(files, version.equals(current().version()) ? current() : cached(version));
        if (!checked.compiledAndLinted()) {
            CandidateOutcome outcome = outcome(checked, CandidateOutcome.Outcome.REJECTED);
            counters.candidateRejected();
            lastCandidate = remember(outcome);
            throw new RulesetRejectedException(outcome);
        }
        if (!version.equals(current().version())) {
            activate(checked.ruleset(), by, reason == null || reason.isBlank() ? "rollback" : reason,
                    checked.failingScenarios(), lastSeen);
        }
        counters.candidateActivated();
        lastCandidate = outcome(checked, CandidateOutcome.Outcome.ACTIVATED);
        return lastCandidate;
    }

    /** A version that was active here, compiled; for diffs, impact and usage. */
    public CompiledRuleset compiled(String version) {
        if (current.get() != null && version.equals(current().version())) {
            return current();
        }
        CompiledRuleset known = cached(version);
        if (known != null) {
            return known;
        }
        CompiledRuleset ruleset = compiler.compile(history.files(version)
                .orElseThrow(() -> new UnknownRulesetException(version)));
        synchronized (compiled) {
            compiled.put(version, ruleset);
        }
        return ruleset;
    }

    /** Compiles files that are not (yet) a version here, without activating them: for impact. */
    public CompiledRuleset compileCandidate(List<RuleFile> files) {
        CompiledRuleset known = cached(RulesetVersion.of(files));
        return known != null ? known : compiler.compile(files);
    }

    private CompiledRuleset cached(String version) {
        synchronized (compiled) {
            return compiled.get(version);
        }
    }

    private void activate(CompiledRuleset next, String by, String reason, List<String> failingScenarios,
                          String seenFolder) {
        Activation activation = new Activation(next.version(), Instant.now().truncatedTo(ChronoUnit.MILLIS), by,
                reason, failingScenarios);
        // Recorded first: a version decides only once the store knows it was activated.
        history.recordActivation(next, activation, seenFolder);
        activationListeners.forEach(listener -> listener.accept(next));
        Active previous = current.getAndSet(new Active(next, activation.activatedAt(), by, Instant.now()));
        syncProblem = null;
        if (previous != null) {
            synchronized (compiled) {
                compiled.put(previous.ruleset().version(), previous.ruleset());
            }
        }
        lastSeen = seenFolder;
        log.info("Ruleset {} active: {} rules ({}, by {}){}", next.version(), next.rules().size(), reason, by,
                failingScenarios.isEmpty() ? "" : "; scenarios failing on it: " + failingScenarios);
    }

    private void restore(Activation last, CompiledRuleset ruleset) {
        current.set(new Active(ruleset, last.activatedAt(), last.activatedBy(), Instant.now()));
    }

    private CandidateOutcome rejected(RulesetGate.Checked checked, String folderVersion) {
        history.recordSeen(folderVersion);
        lastSeen = folderVersion;
        counters.candidateRejected();
        return remember(outcome(checked, CandidateOutcome.Outcome.REJECTED));
    }

    /** Keeps the latest rejected candidates (in memory, since the start), newest first. */
    private CandidateOutcome remember(CandidateOutcome rejected) {
        rejectedCandidates.addFirst(rejected);
        while (rejectedCandidates.size() > REJECTED_KEPT) {
            rejectedCandidates.pollLast();
        }
        return rejected;
    }

    private static CandidateOutcome outcome(RulesetGate.Checked checked, CandidateOutcome.Outcome outcome) {
        return new CandidateOutcome(checked.version(), Instant.now(), outcome, checked.problems(),
                checked.failingScenarios());
    }

    private static String describe(CandidateOutcome outcome) {
        StringBuilder text = new StringBuilder();
        outcome.problems().stream().map(RuleProblem::format).forEach(line -> text.append(line).append('\n'));
        outcome.failingScenarios().forEach(name -> text.append("scenario fails: ").append(name).append('\n'));
        return text.toString().strip();
    }
}
