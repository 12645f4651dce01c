package nl.draagvlak.ruleset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on one decision.
 *
 * @param timeLimit how long a decision may take; checked at each rule firing, so a slow rule is
 *                  stopped at the next firing after the limit
 */
@ConfigurationProperties("draagvlak.decisions")
public record DecisionProperties(@DefaultValue("1s") Duration timeLimit) {
}
