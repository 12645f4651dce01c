package nl.draagvlak.ruleset;

import java.time.Instant;
import java.util.List;

/**
 * A ruleset version becoming the one the service decides with: when, by whom, why, and which
 * scenarios failed on it (only ever non-empty for a rollback to an older version).
 */
public record Activation(String version, Instant activatedAt, String activatedBy, String reason,
                         List<String> failingScenarios) {

    public Activation {
        failingScenarios = List.copyOf(failingScenarios);
    }
}
