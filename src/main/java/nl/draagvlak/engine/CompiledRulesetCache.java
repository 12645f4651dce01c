package nl.draagvlak.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps compiled rulesets (the executable model's generated classes, as a KJAR) on disk, so that a
 * restart with unchanged rules loads in well under a second instead of compiling for seconds.
 * The key is the ruleset version together with the fingerprint of everything else the generated
 * classes depend on ({@link CompileEnvironment}: every class of the fact model, the Drools and
 * Java versions, the compiler's options), so a changed model or engine never loads classes
 * generated for another. When that fingerprint cannot be taken, nothing is cached.
 *
 * <p>The cache folder is code: it must be as trusted, and as protected, as the rules folder.
 */
public final class CompiledRulesetCache {

    private static final Logger log = LoggerFactory.getLogger(CompiledRulesetCache.class);

    private final Path folder;
    /** The {@link CompileEnvironment} fingerprint, or null when it could not be taken. */
    private final String environment;

    public CompiledRulesetCache(Path folder) {
        this(folder, currentEnvironment());
    }

    /** A cache for compiles in the environment with the given fingerprint. */
    CompiledRulesetCache(Path folder, String environment) {
        this.folder = folder;
        this.environment = environment;
    }

    private static String currentEnvironment() {
        try {
            return CompileEnvironment.current(RulesetCompiler.compilerOptions());
        } catch (RuntimeException e) {
            log.warn("Compiled rulesets are not cached: cannot fingerprint the fact model ({})", e.getMessage());
            return null;
        }
    }

    Optional<byte[]> load(String version) {
        if (environment == null) {
            return Optional.empty();
        }
        Path file = fileFor(version);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read the compiled ruleset cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether a compile of the version is kept here (it may still fail to load). */
    boolean holds(String version) {
        return environment != null && Files.isRegularFile(fileFor(version));
    }

    void store(String version, byte[] kjar) {
        if (environment == null) {
            return;
        }
        Path file = fileFor(version);
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "ruleset", ".part");
            Files.write(partial, kjar);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot write the compiled ruleset cache {}: {}", file, e.getMessage());
        }
    }

    void forget(String version) {
        if (environment == null) {
            return;
        }
        try {
            Files.deleteIfExists(fileFor(version));
        } catch (IOException e) {
            log.warn("Cannot delete the compiled ruleset cache entry for {}: {}", version, e.getMessage());
        }
    }

    private Path fileFor(String version) {
        String key = sha256(version + "|" + environment);
        return folder.resolve(key.substring(0, 32) + ".kjar");
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
