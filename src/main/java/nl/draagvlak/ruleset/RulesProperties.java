package nl.draagvlak.ruleset;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules live on disk and how often the service looks for a changed ruleset.
 *
 * @param dir            the rules folder (default {@code rules}, relative to the working directory)
 * @param reloadInterval how often to look for changed rule files; zero turns reloading off
 * @param maxFirings     the bound on rule firings per decision
 * @param cacheDir       where compiled rulesets are kept between starts; empty to compile every time
 */
@ConfigurationProperties("draagvlak.rules")
public record RulesProperties(@DefaultValue("rules") Path dir,
                              @DefaultValue("2s") Duration reloadInterval,
                              @DefaultValue("20000") int maxFirings,
                              @DefaultValue("data/ruleset-cache") String cacheDir) {
}
