package nl.draagvlak.ruleset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetVersion;

/**
 * Decides when a change to the rules folder is a candidate: only once the folder's content has
 * stayed the same for the quiet period, and a second read gives the same content hash as the
 * first, so that a file caught half-way through being written is never compiled.
 */
final class FolderWatch {

    private final Path folder;
    private final Duration quietPeriod;
    private final LongSupplier nanoTime;
    private String lastRead;
    private long unchangedSince;

    FolderWatch(Path folder, Duration quietPeriod) {
        this(folder, quietPeriod, System::nanoTime);
    }

    FolderWatch(Path folder, Duration quietPeriod, LongSupplier nanoTime) {
        this.folder = folder;
        this.quietPeriod = quietPeriod;
        this.nanoTime = nanoTime;
    }

    /**
     * Looks at the folder once. Returns its files when they differ from {@code lastSeen}, have not
     * changed for the quiet period, and read the same twice; otherwise nothing (yet).
     */
    synchronized Optional<List<RuleFile>> poll(String lastSeen) {
        List<RuleFile> first = RuleFolder.read(folder);
        String version = RulesetVersion.of(first);
        long now = nanoTime.getAsLong();
        if (!version.equals(lastRead)) {
            lastRead = version;
            unchangedSince = now;
            return Optional.empty();
        }
        if (version.equals(lastSeen) || now - unchangedSince < quietPeriod.toNanos()) {
            return Optional.empty();
        }
        List<RuleFile> second = RuleFolder.read(folder);
        if (!RulesetVersion.of(second).equals(version)) {
            lastRead = RulesetVersion.of(second);
            unchangedSince = nanoTime.getAsLong();
            return Optional.empty();
        }
        return Optional.of(second);
    }

    /** Reads the folder until two reads in a row agree (a few tries); the last read if they never do. */
    static List<RuleFile> readSteady(Path folder) {
        List<RuleFile> previous = RuleFolder.read(folder);
        for (int attempt = 0; attempt < 20; attempt++) {
            List<RuleFile> next = RuleFolder.read(folder);
            if (RulesetVersion.of(next).equals(RulesetVersion.of(previous))) {
                return next;
            }
            previous = next;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return previous;
    }
}
