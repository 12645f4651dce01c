package nl.draagvlak.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.Test;

/** A rules folder reads the same however it is mounted: plain, through links, as a ConfigMap. */
class RuleFolderTests {

    private static final Path PROJECT_RULES = Path.of("rules");

    @Test
    void aConfigMapVolumeHasTheRulesAndTheVersionOfThePlainFolder() throws IOException {
        Path mount = RuleFolders.configMapOfProjectRules(Files.createTempDirectory("draagvlak-cm").resolve("rules"));
        List<RuleFile> plain = RuleFolder.read(PROJECT_RULES);

        List<RuleFile> mounted = RuleFolder.read(mount);

        assertThat(mounted).extracting(RuleFile::path).containsExactlyElementsOf(
                plain.stream().map(RuleFile::path).toList());
        assertThat(RulesetVersion.of(mounted)).isEqualTo(RulesetVersion.of(plain));
        RulesetCompiler compiler = new RulesetCompiler();
        assertThat(compiler.compile(mounted).rules()).hasSameSizeAs(compiler.compile(plain).rules());
    }

    @Test
    void theVersionDoesNotDependOnTheMountName() throws IOException {
        Path parent = Files.createTempDirectory("draagvlak-cm");
        Path one = RuleFolders.configMapOfProjectRules(parent.resolve("rules"));
        Path other = RuleFolders.configMapOfProjectRules(parent.resolve("guidance-2026"));

        assertThat(RuleFolder.read(other)).extracting(RuleFile::path).allMatch(path -> path.startsWith("rules/"));
        assertThat(RulesetVersion.of(RuleFolder.read(other))).isEqualTo(RulesetVersion.of(RuleFolder.read(one)))
                .isEqualTo(RulesetVersion.of(RuleFolder.read(PROJECT_RULES)));
    }

    @Test
    void aRulesFolderThatIsALinkIsReadThroughIt() throws IOException {
        Path copy = RuleFolders.copyOfProjectRules();
        Path link = Files.createSymbolicLink(copy.resolveSibling("current"), copy);

        assertThat(RulesetVersion.of(RuleFolder.read(link))).isEqualTo(RulesetVersion.of(RuleFolder.read(PROJECT_RULES)));
    }

    @Test
    void subfoldersAndFilesReachedThroughLinksAreRead() throws IOException {
        Path elsewhere = RuleFolders.copyOfProjectRules();
        Path folder = Files.createTempDirectory("draagvlak-links").resolve("rules");
        Files.createDirectories(folder);
        try (var entries = Files.list(elsewhere)) {
            for (Path entry : entries.toList()) {
                Files.createSymbolicLink(folder.resolve(entry.getFileName()), entry);
            }
        }

        assertThat(RulesetVersion.of(RuleFolder.read(folder))).isEqualTo(RulesetVersion.of(RuleFolder.read(PROJECT_RULES)));
    }

    @Test
    void entriesNamedWithTwoDotsAndLinksToNothingAreNotRules() throws IOException {
        Path copy = RuleFolders.copyOfProjectRules();
        Files.writeString(copy.resolve("..hidden.drl"), "this is not drl");
        Files.createSymbolicLink(copy.resolve("added-soon.drl"), Path.of("..data", "added-soon.drl"));

        assertThat(RulesetVersion.of(RuleFolder.read(copy))).isEqualTo(RulesetVersion.of(RuleFolder.read(PROJECT_RULES)));
    }
}
