package nl.draagvlak.advice.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the remedies of one decision.
 *
 * @param timeLimit how long the search for remedies may take; past it the answer says {@code complete: false}
 */
@ConfigurationProperties("draagvlak.remedies")
public record RemediesProperties(@DefaultValue("500ms") Duration timeLimit) {
}
