package nl.draagvlak.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;

/**
 * A history that lives as long as the process: for the command line and for tests of the gate
 * itself. The service keeps its history in the audit store, so that it survives a restart.
 */
public final class MemoryRulesetHistory implements RulesetHistory {

    private final List<Activation> activations = new ArrayList<>();
    private final Map<String, List<RuleFile>> files = new ConcurrentHashMap<>();
    private volatile String lastSeen;

    @Override
    public synchronized List<Activation> activations() {
        List<Activation> newestFirst = new ArrayList<>(activations);
        java.util.Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    @Override
    public Optional<List<RuleFile>> files(String version) {
        return Optional.ofNullable(files.get(version));
    }

    @Override
    public Optional<String> lastSeenFolder() {
        return Optional.ofNullable(lastSeen);
    }

    @Override
    public synchronized void recordActivation(CompiledRuleset ruleset, Activation activation, String seenFolder) {
        files.putIfAbsent(ruleset.version(), ruleset.files());
        activations.add(activation);
        lastSeen = seenFolder;
    }

    @Override
    public void recordSeen(String folderVersion) {
        lastSeen = folderVersion;
    }
}
