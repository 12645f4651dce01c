package nl.draagvlak.ruleset;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules live on disk, and how the service takes a changed ruleset.
 *
 * @param dir            the rules folder (default {@code rules}, relative to the working directory)
 * @param reloadInterval how often the watcher looks at the folder's content; zero turns watching off
 * @param maxFirings     the bound on rule firings per decision
 * @param cacheDir       where compiled rulesets are kept between starts; empty to compile every time
 * @param watch          whether the service watches the folder for changes (the reload endpoint works either way)
 * @param quietPeriod    how long the folder must be unchanged before a change is taken as a candidate
 * @param casesDir       the scenarios every candidate must pass before it is activated
 */
@ConfigurationProperties("draagvlak.rules")
public record RulesProperties(@DefaultValue("rules") Path dir,
                              @DefaultValue("250ms") Duration reloadInterval,
                              @DefaultValue("20000") int maxFirings,
                              @DefaultValue("data/ruleset-cache") String cacheDir,
                              @DefaultValue("true") boolean watch,
                              @DefaultValue("1s") Duration quietPeriod,
                              @DefaultValue("test-cases") Path casesDir) {

    /** Whether the watcher runs: {@code watch} on and a polling interval above zero. */
    public boolean watching() {
        return watch && !reloadInterval.isZero() && !reloadInterval.isNegative();
    }
}
