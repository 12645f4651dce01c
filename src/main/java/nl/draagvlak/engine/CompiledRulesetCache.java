package nl.draagvlak.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.draagvlak.model.Assessment;
import nl.draagvlak.model.ChangeStrategy;
import nl.draagvlak.model.Check;
import nl.draagvlak.model.Derived;
import nl.draagvlak.model.DesignStrategy;
import nl.draagvlak.model.Engagement;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.Initiative;
import nl.draagvlak.model.Known;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.model.Preconditions;
import nl.draagvlak.model.Stakeholder;
import nl.draagvlak.model.Stakeholders;
import nl.draagvlak.model.SuccessFactors;
import nl.draagvlak.model.VerdictDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps compiled rulesets (the executable model's generated classes, as a KJAR) on disk, so that a
 * restart with unchanged rules loads in well under a second instead of compiling for seconds.
 * The key is the ruleset version together with a fingerprint of the fact model and the Drools
 * version, so a changed model or engine never loads classes generated for another.
 *
 * <p>The cache folder is code: it must be as trusted, and as protected, as the rules folder.
 */
public final class CompiledRulesetCache {

    private static final Logger log = LoggerFactory.getLogger(CompiledRulesetCache.class);
    private static final List<Class<?>> MODEL = List.of(Assessment.class, ChangeStrategy.class, Check.class,
            Derived.class, DesignStrategy.class, Engagement.class, Finding.class, Initiative.class, Known.class,
            NotAssessed.class, Preconditions.class, Stakeholder.class, Stakeholders.class, SuccessFactors.class,
            VerdictDecision.class);
    private static final String MODEL_FINGERPRINT = fingerprint();

    private final Path folder;

    public CompiledRulesetCache(Path folder) {
        this.folder = folder;
    }

    Optional<byte[]> load(String version) {
        Path file = fileFor(version);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read the compiled ruleset cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    void store(String version, byte[] kjar) {
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
        try {
            Files.deleteIfExists(fileFor(version));
        } catch (IOException e) {
            log.warn("Cannot delete the compiled ruleset cache entry for {}: {}", version, e.getMessage());
        }
    }

    private Path fileFor(String version) {
        String key = sha256(version + "|" + MODEL_FINGERPRINT + "|" + droolsVersion());
        return folder.resolve(key.substring(0, 32) + ".kjar");
    }

    private static String droolsVersion() {
        Package drools = org.drools.model.codegen.ExecutableModelProject.class.getPackage();
        return drools == null || drools.getImplementationVersion() == null ? "?" : drools.getImplementationVersion();
    }

    private static String fingerprint() {
        MessageDigest digest = digest();
        for (Class<?> type : MODEL) {
            try (InputStream bytes = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (bytes != null) {
                    digest.update(bytes.readAllBytes());
                }
            } catch (IOException e) {
                digest.update(type.getName().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
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
