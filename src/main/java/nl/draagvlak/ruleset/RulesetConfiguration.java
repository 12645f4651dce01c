package nl.draagvlak.ruleset;

import java.nio.file.Path;
import nl.draagvlak.engine.CompiledRulesetCache;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RulesetCompiler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Wires the pure engine into the service and watches the rules folder for changes. */
@Configuration(proxyBeanMethods = false)
class RulesetConfiguration {

    @Bean
    ActiveRuleset activeRuleset(RulesProperties properties) {
        return new ActiveRuleset(properties, compilerFor(properties), RulesetWarmup.take(properties));
    }

    static RulesetCompiler compilerFor(RulesProperties properties) {
        CompiledRulesetCache cache = properties.cacheDir().isBlank() ? null
                : new CompiledRulesetCache(Path.of(properties.cacheDir()));
        return new RulesetCompiler(cache);
    }

    @Bean
    DecisionEngine decisionEngine(RulesProperties properties) {
        return new DecisionEngine(properties.maxFirings());
    }

    /**
     * Polls the folder's content hash every reload-interval, on the background scheduler (zero turns
     * it off): works on every file system, where change events do not.
     */
    @Bean
    SchedulingConfigurer rulesWatcher(ActiveRuleset ruleset, RulesProperties properties) {
        return tasks -> {
            if (!properties.reloadInterval().isZero()) {
                tasks.addFixedDelayTask(new FixedDelayTask(ruleset::reloadIfChanged, properties.reloadInterval(),
                        properties.reloadInterval()));
            }
        };
    }
}
