package nl.draagvlak.health;

import nl.draagvlak.audit.AuditTrail;
import nl.draagvlak.audit.StoreWritability;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /actuator/health/readiness} asks besides Boot's own readiness state (which turns to
 * refusing traffic as soon as the service starts to stop): a ruleset is active, the audit store
 * commits a write, and the audit writer runs. With {@code draagvlak.audit.enabled=false} nothing is
 * stored, so the store's two are UP. Each indicator's name is its bean name less
 * {@code HealthIndicator}; the group lists them in {@code management.endpoint.health.group.readiness.include}
 * (application.properties). Another indicator joins the group by a bean here and its name there.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

    @Bean
    HealthIndicator rulesetHealthIndicator(ActiveRuleset rulesets) {
        return () -> rulesets.active() != null ? Health.up().build() : Health.down().build();
    }

    @Bean
    HealthIndicator auditStoreHealthIndicator(AuditTrail audit, StoreWritability store) {
        return () -> !audit.records() || store.canWrite() ? Health.up().build() : Health.down().build();
    }

    @Bean
    HealthIndicator auditWriterHealthIndicator(AuditTrail audit) {
        return () -> !audit.records() || audit.isWriterAlive() ? Health.up().build() : Health.down().build();
    }
}
