package nl.draagvlak.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled   store every decision before answering (default); false only for measuring the
 *                  engine without storage, never in production
 * @param waitLimit how long a request waits for its commit before it gets a 503
 * @param retention how long decisions are kept; zero keeps them for ever
 * @param purgeInterval how often the retention purge runs
 */
@ConfigurationProperties("draagvlak.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("5s") Duration waitLimit,
                              @DefaultValue("0s") Duration retention,
                              @DefaultValue("1h") Duration purgeInterval) {
}
