package nl.draagvlak.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The version of a ruleset: {@code sha256:} over its files in order of relative path, each as
 * its UTF-8 path, a NUL byte, its length in bytes as decimal digits, a NUL byte, then its bytes.
 * The length prefix keeps two different file sets from hashing alike. Same files, same version,
 * on any machine.
 */
public final class RulesetVersion {

    private RulesetVersion() {
    }

    public static String of(List<RuleFile> files) {
        MessageDigest digest = sha256();
        files.stream().sorted(Comparator.comparing(RuleFile::path)).forEach(file -> {
            byte[] content = file.content();
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(content);
        });
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
