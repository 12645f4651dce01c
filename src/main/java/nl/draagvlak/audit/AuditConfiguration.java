package nl.draagvlak.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import javax.sql.DataSource;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean(destroyMethod = "close")
    GroupCommitWriter groupCommitWriter(DataSource dataSource, AuditProperties properties, JdbcTemplate jdbc,
                                        MeterRegistry registry) {
        warnIfCommitsAreNotDurable(jdbc);
        AuditMeters meters = new AuditMeters(registry);
        GroupCommitWriter writer = new GroupCommitWriter(dataSource, properties.waitLimit(), properties.storeTimeout(),
                meters);
        meters.watchQueue(writer::queued);
        return writer;
    }

    @Bean
    AuditTrail auditTrail(AuditProperties properties, GroupCommitWriter writer, JdbcTemplate jdbc) {
        if (!properties.enabled()) {
            log.warn("draagvlak.audit.enabled=false: decisions are NOT stored. Use this only to measure.");
            return new NoAuditTrail();
        }
        return new JdbcAuditTrail(writer, jdbc);
    }

    @Bean
    StoreWritability storeWritability(DataSource dataSource, AuditProperties properties) {
        return new StoreWritability(dataSource, properties.waitLimit());
    }

    @Bean
    RulesetArchive rulesetArchive(JdbcTemplate jdbc, TransactionTemplate transactions, ActiveRuleset rulesets) {
        RulesetArchive archive = new RulesetArchive(jdbc, transactions);
        rulesets.onActivation(archive::keep);
        return archive;
    }

    @Bean
    JdbcRulesetHistory rulesetHistory(GroupCommitWriter writer, JdbcTemplate jdbc, TransactionTemplate transactions) {
        // An archive of its own: the archive bean waits for the active ruleset, which needs this history.
        return new JdbcRulesetHistory(writer, jdbc, new RulesetArchive(jdbc, transactions),
                "PostgreSQL".equals(productName(jdbc)));
    }

    @Bean
    DecisionSamples decisionSamples(JdbcTemplate jdbc) {
        return new DecisionSamples(jdbc);
    }

    @Bean
    RuleUsageQuery ruleUsageQuery(JdbcTemplate jdbc, JsonMapper json) {
        return new RuleUsageQuery(jdbc, json);
    }

    @Bean
    AuditQueries auditQueries(JdbcTemplate jdbc) {
        return new AuditQueries(jdbc);
    }

    @Bean
    ChainVerifier chainVerifier(JdbcTemplate jdbc, JsonMapper json) {
        return new ChainVerifier(jdbc, json);
    }

    @Bean
    RetentionPurge retentionPurge(GroupCommitWriter writer) {
        return new RetentionPurge(writer);
    }

    /** Purges every purge-interval, on the background scheduler; not at all when retention is zero. */
    @Bean
    SchedulingConfigurer retentionSchedule(AuditProperties properties, RetentionPurge purge) {
        return tasks -> {
            if (!properties.retention().isZero()) {
                tasks.addFixedDelayTask(new FixedDelayTask(
                        () -> purge.purgeBefore(Instant.now().minus(properties.retention())),
                        properties.purgeInterval(), properties.purgeInterval()));
            }
        };
    }

    static String productName(JdbcTemplate jdbc) {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    }

    /** PostgreSQL with synchronous_commit off acknowledges commits that a crash can still lose. */
    private static void warnIfCommitsAreNotDurable(JdbcTemplate jdbc) {
        try {
            String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
            if ("PostgreSQL".equals(product)) {
                String setting = jdbc.queryForObject("SHOW synchronous_commit", String.class);
                if ("off".equalsIgnoreCase(setting)) {
                    log.error("PostgreSQL synchronous_commit is off: committed decisions can be lost in a crash");
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not check commit durability: {}", e.getMessage());
        }
    }
}
