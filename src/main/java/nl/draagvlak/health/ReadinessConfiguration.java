package nl.draagvlak.health;

import java.util.function.BooleanSupplier;
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
        return () -> upIf(rulesets.active() != null);
    }

    @Bean
    HealthIndicator auditStoreHealthIndicator(AuditTrail audit, StoreWritability store) {
        return () -> storeReady(audit, store::canWrite);
    }

    @Bean
    HealthIndicator auditWriterHealthIndicator(AuditTrail audit) {
        return () -> writerReady(audit);
    }

    /** UP when nothing is stored, else when the store commits a write (asked only then). */
    static Health storeReady(AuditTrail audit, BooleanSupplier canWrite) {
        return upIf(!audit.records() || canWrite.getAsBoolean());
    }

    /** UP when nothing is stored, else while the audit writer runs. */
    static Health writerReady(AuditTrail audit) {
        return upIf(!audit.records() || audit.isWriterAlive());
    }

    private static Health upIf(boolean ready) {
        return ready ? Health.up().build() : Health.down().build();
    }
}
