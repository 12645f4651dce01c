package nl.draagvlak.ruleset;

import java.util.List;
import java.util.Optional;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;

/**
 * What the store keeps of the rulesets' life: every activation (newest first), every activated
 * version's files, and the content of the rules folder as last seen. With these a restart
 * restores a rollback while the folder is unchanged, and takes a changed folder as a candidate.
 */
public interface RulesetHistory {

    /** Every activation, newest first; empty before the first. */
    List<Activation> activations();

    /** The newest activation: the active version, on every node that follows the store. */
    default Optional<Activation> latest() {
        return activations().stream().findFirst();
    }

    /** The files of a version that was ever activated here. */
    Optional<List<RuleFile>> files(String version);

    /** The version of the rules folder's content the service last took as a candidate. */
    Optional<String> lastSeenFolder();

    /** Records an activation (and the ruleset's files, once), and the folder version it was seen with. */
    void recordActivation(CompiledRuleset ruleset, Activation activation, String seenFolder);

    /** Records that the folder was seen with this content (a candidate that was rejected). */
    void recordSeen(String folderVersion);
}
