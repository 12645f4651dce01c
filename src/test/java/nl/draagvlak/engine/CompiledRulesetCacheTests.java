package nl.draagvlak.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import nl.draagvlak.model.Assessment;
import org.junit.jupiter.api.Test;

/**
 * The compiled-ruleset cache never hands out classes generated against another fact model,
 * Drools, Java or compiler setting: its key covers every class of the model package, found
 * wherever the classes live, not a list someone must keep up to date.
 */
class CompiledRulesetCacheTests {

    private static final String ANCHOR = Assessment.class.getName();
    private static final RuleFile RULES = new RuleFile("rules/seen.drl", """
            package rules;
            import nl.draagvlak.model.*;
            rule "Plan seen"
                @id("DERIVE-PLAN-SEEN")
            when
                Initiative()
            then
            end
            """.getBytes(StandardCharsets.UTF_8));

    private final SortedMap<String, byte[]> model = CompileEnvironment.classesInPackageOf(
            getClass().getClassLoader(), ANCHOR);

    @Test
    void everyClassOfTheFactModelPackageIsFingerprintedNestedClassesIncluded() throws IOException {
        assertThat(model.keySet()).containsExactlyElementsOf(classFileNamesIn(modelFolder()));
        assertThat(model).containsKeys("nl.draagvlak.model.Level", "nl.draagvlak.model.Check$Truth")
                .allSatisfy((name, bytes) -> assertThat(name).startsWith("nl.draagvlak.model."));
    }

    @Test
    void theFactModelReadsTheSameFromAJarAsFromAFolder() throws IOException {
        Path jar = Files.createTempDirectory("draagvlak-model").resolve("model.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("nl/draagvlak/model/sub/Other.class")); // another package
            out.write(new byte[] {1, 2, 3});
            for (var entry : model.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey().replace('.', '/') + ".class"));
                out.write(entry.getValue());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            SortedMap<String, byte[]> fromJar = CompileEnvironment.classesInPackageOf(loader, ANCHOR);

            assertThat(fromJar.keySet()).containsExactlyElementsOf(model.keySet());
            assertThat(CompileEnvironment.fingerprint(fromJar, "d", "j", "o"))
                    .isEqualTo(CompileEnvironment.fingerprint(model, "d", "j", "o"));
        }
    }

    @Test
    void aChangedModelClassIsCompiledAgainNeverLoadedStale() throws IOException {
        // Level is a class the key's hand-kept list of model classes left out: a change to it
        // used to load the ruleset compiled against the old Level.
        SortedMap<String, byte[]> changed = new TreeMap<>(model);
        changed.put("nl.draagvlak.model.Level", compile("nl.draagvlak.model.Level", """
                package nl.draagvlak.model;
                public enum Level { LOW, MEDIUM, HIGH, VERY_HIGH }
                """));
        String before = CompileEnvironment.fingerprint(model, "10.2.0", "17", RulesetCompiler.compilerOptions());
        String after = CompileEnvironment.fingerprint(changed, "10.2.0", "17", RulesetCompiler.compilerOptions());
        Path folder = Files.createTempDirectory("draagvlak-cache");

        new RulesetCompiler(new CompiledRulesetCache(folder, before)).compile(List.of(RULES));
        Path cached = onlyEntryIn(folder);
        Files.setLastModifiedTime(cached, FileTime.fromMillis(0));
        new RulesetCompiler(new CompiledRulesetCache(folder, before)).compile(List.of(RULES));
        assertThat(Files.getLastModifiedTime(cached).toMillis()).as("loaded, not compiled and stored again")
                .isZero();

        CompiledRuleset recompiled = new RulesetCompiler(new CompiledRulesetCache(folder, after)).compile(List.of(RULES));

        assertThat(recompiled.rules()).extracting(RuleInfo::id).containsExactly("DERIVE-PLAN-SEEN");
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries.filter(file -> file.toString().endsWith(".kjar"))).hasSize(2);
        }
        assertThat(Files.getLastModifiedTime(cached).toMillis()).isZero();
    }

    @Test
    void theKeyCoversTheDroolsAndJavaVersionsTheCompilerOptionsAndAddedClasses() {
        String options = RulesetCompiler.compilerOptions();
        String base = CompileEnvironment.fingerprint(model, "10.2.0", "17.0.15", options);
        SortedMap<String, byte[]> added = new TreeMap<>(model);
        added.put("nl.draagvlak.model.ShortLeadTime", new byte[] {(byte) 0xCA, (byte) 0xFE});

        assertThat(List.of(
                CompileEnvironment.fingerprint(model, "10.3.0", "17.0.15", options),
                CompileEnvironment.fingerprint(model, "10.2.0", "21.0.2", options),
                CompileEnvironment.fingerprint(model, "10.2.0", "17.0.15", options + "\ndrools.dialect.java.compiler=NATIVE"),
                CompileEnvironment.fingerprint(added, "10.2.0", "17.0.15", options)))
                .doesNotContain(base).doesNotHaveDuplicates();
        assertThat(CompileEnvironment.fingerprint(new TreeMap<>(model), "10.2.0", "17.0.15", options)).isEqualTo(base);
    }

    private static Path modelFolder() {
        try {
            return Path.of(Assessment.class.getResource("Assessment.class").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classFileNamesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> "nl.draagvlak.model." + name.substring(0, name.length() - ".class".length()))
                    .sorted().toList();
        }
    }

    private static Path onlyEntryIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> kjars = entries.filter(file -> file.toString().endsWith(".kjar")).toList();
            assertThat(kjars).hasSize(1);
            return kjars.get(0);
        }
    }

    /** Compiles one class from source with the JDK's compiler, as a changed model class would be. */
    private static byte[] compile(String className, String source) throws IOException {
        Path work = Files.createTempDirectory("draagvlak-variant");
        Path file = work.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (OutputStream errors = OutputStream.nullOutputStream()) {
            assertThat(javac.run(null, null, errors, "-d", work.toString(), file.toString())).isZero();
        }
        return Files.readAllBytes(work.resolve(className.replace('.', '/') + ".class"));
    }
}
