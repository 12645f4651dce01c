package nl.draagvlak.ruleset;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import nl.draagvlak.engine.CompiledRulesetCache;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RulesetCompiler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Wires the pure engine into the service and watches the rules folder for changes. */
@Configuration(proxyBeanMethods = false)
class RulesetConfiguration {

    /** With {@code draagvlak.cluster.enabled} the store's newest activation is the active version (docs/scaling.md). */
    @Bean
    ActiveRuleset activeRuleset(RulesProperties properties, RulesetHistory history, RuleCounters counters,
                                MeterRegistry registry,
                                @Value("${draagvlak.cluster.enabled:false}") boolean followsStore) {
        ActiveRuleset rulesets = new ActiveRuleset(properties, compilerFor(properties), history, counters,
                RulesetWarmup.take(properties), followsStore);
        RulesetMeters.bind(registry, counters, rulesets);
        return rulesets;
    }

    @Bean
    RuleCounters ruleCounters() {
        return new RuleCounters();
    }

    static RulesetCompiler compilerFor(RulesProperties properties) {
        CompiledRulesetCache cache = properties.cacheDir().isBlank() ? null
                : new CompiledRulesetCache(Path.of(properties.cacheDir()));
        return new RulesetCompiler(cache);
    }

    @Bean
    DecisionEngine decisionEngine(RulesProperties properties, DecisionProperties decisions) {
        return new DecisionEngine(properties.maxFirings(), true, decisions.timeLimit());
    }

    /**
     * Polls the folder's content hash every reload-interval, on the background scheduler (off with
     * {@code draagvlak.rules.watch=false} or a zero interval): works on every file system, where
     * change events do not.
     */
    @Bean
    SchedulingConfigurer rulesWatcher(ActiveRuleset ruleset, RulesProperties properties) {
        return tasks -> {
            if (properties.watching()) {
                tasks.addFixedDelayTask(new FixedDelayTask(ruleset::reloadIfChanged, properties.reloadInterval(),
                        properties.reloadInterval()));
            }
        };
    }
}
