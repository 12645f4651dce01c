package nl.draagvlak.ruleset;

import java.time.Instant;
import java.util.List;

/**
 * The last time the service tried a changed ruleset: accepted (now active) or rejected (the
 * previous ruleset stays active), with the problems that made it fail.
 */
public record ReloadOutcome(Instant at, String version, boolean accepted, List<String> problems) {

    public ReloadOutcome {
        problems = List.copyOf(problems);
    }
}
