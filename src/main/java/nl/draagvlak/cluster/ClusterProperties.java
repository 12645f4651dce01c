package nl.draagvlak.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several nodes on one PostgreSQL store (docs/scaling.md).
 *
 * @param enabled      whether this node follows the store's active ruleset version (on in the
 *                     {@code postgres} profile; needs PostgreSQL)
 * @param pollInterval how long the node waits for an announcement before it asks the store anyway:
 *                     the bound on how late a lost announcement is noticed
 */
@ConfigurationProperties("draagvlak.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled,
                                @DefaultValue("5s") Duration pollInterval) {
}
