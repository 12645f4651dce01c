package nl.draagvlak.cluster;

import javax.sql.DataSource;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Several nodes on one PostgreSQL store: each follows the store's active ruleset version. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    /** Runs only with {@code draagvlak.cluster.enabled}; nothing to follow otherwise. */
    @Bean(destroyMethod = "close")
    StoreFollower storeFollower(ClusterProperties properties, DataSource dataSource, JdbcTemplate jdbc,
                                ActiveRuleset rulesets) {
        StoreFollower follower = new StoreFollower(dataSource, rulesets, properties.pollInterval());
        if (properties.enabled()) {
            String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
            if (!"PostgreSQL".equals(product)) {
                throw new IllegalStateException("draagvlak.cluster.enabled needs the PostgreSQL store; this store is "
                        + product);
            }
            follower.start();
            log.info("Following the store's active ruleset: announcements on channel draagvlak_ruleset, and a look"
                    + " every {}", properties.pollInterval());
        }
        return follower;
    }

    /**
     * DOWN while this node could not switch to the store's active version (it does not compile or
     * pass the gate here, or the store did not answer); always UP for a node that does not follow a store.
     */
    @Bean
    HealthIndicator rulesetSync(ActiveRuleset rulesets) {
        return () -> {
            String problem = rulesets.syncProblem();
            return problem == null ? Health.up().build() : Health.down().withDetail("problem", problem).build();
        };
    }
}
