package nl.draagvlak.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled   store every decision before answering (default); false only for measuring the
 *                  engine without storage, never in production
 * @param waitLimit how long a request waits for its commit before it gets a 503; a record not yet
 *                  sent to the store by then is withdrawn, never stored
 * @param storeTimeout how long the audit writer waits for any one answer of the store (the network
 *                  timeout of its connection: PostgreSQL's driver applies it to the socket; embedded
 *                  H2 has none); a request whose batch was already sent when its wait limit ran out
 *                  waits this much longer for the outcome before it gets the outcome-unknown 503
 * @param retention how long decisions are kept; zero keeps them for ever
 * @param purgeInterval how often the retention purge runs
 */
@ConfigurationProperties("draagvlak.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("5s") Duration waitLimit,
                              @DefaultValue("10s") Duration storeTimeout,
                              @DefaultValue("0s") Duration retention,
                              @DefaultValue("1h") Duration purgeInterval) {
}
