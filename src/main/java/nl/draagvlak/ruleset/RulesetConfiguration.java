package nl.draagvlak.ruleset;

import java.util.concurrent.ScheduledExecutorService;
import java.nio.file.Path;
import nl.draagvlak.BackgroundTask;
import nl.draagvlak.engine.CompiledRulesetCache;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RulesetCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pure engine into the service and watches the rules folder for changes. */
@Configuration(proxyBeanMethods = false)
class RulesetConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulesetConfiguration.class);

    @Bean
    ActiveRuleset activeRuleset(RulesProperties properties, RulesetHistory history, RuleCounters counters) {
        return new ActiveRuleset(properties, compilerFor(properties), history, counters,
                RulesetWarmup.take(properties));
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

    /** Polls the folder's content hash: works on every file system, where change events do not. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService rulesWatcher(ActiveRuleset ruleset, RulesProperties properties) {
        return BackgroundTask.every(properties.watch() ? properties.reloadInterval() : java.time.Duration.ZERO,
                "rules-watcher", ruleset::reloadIfChanged, log);
    }
}
