package nl.draagvlak.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default, when neither users nor a JWT issuer are configured: users {@code decide},
 * {@code audit} and {@code rules-admin}, each with the role of its name and a random password,
 * written once as {@code name=password} lines to a file only its owner can read, and read from it
 * on every later start. There is no well-known default password; the log names the file, never a
 * password.
 */
final class EmbeddedCredentials {

    static final List<Role> ROLES = List.of(Role.DECIDE, Role.AUDIT, Role.RULES_ADMIN);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedCredentials() {
    }

    /** The users' passwords by name (and role id), creating the file or the users missing from it. */
    static Map<String, String> loadOrCreate(Path file) {
        try {
            Map<String, String> passwords = read(file);
            boolean created = passwords.isEmpty();
            boolean added = false;
            for (Role role : ROLES) {
                if (!passwords.containsKey(role.id())) {
                    passwords.put(role.id(), randomPassword());
                    added = true;
                }
            }
            if (added) {
                write(file, passwords);
            } else {
                restrictToOwner(file);
            }
            log.info("No users or JWT issuer configured: the embedded users {} sign in with HTTP Basic;"
                    + " their passwords are in {} ({})", String.join(", ", passwords.keySet()),
                    file.toAbsolutePath().normalize(), created ? "created now" : added ? "users added" : "as before");
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the embedded users' credentials in "
                    + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return passwords;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        for (Role role : ROLES) {
            String password = properties.getProperty(role.id());
            if (password != null && !password.isBlank()) {
                passwords.put(role.id(), password.strip());
            }
        }
        return passwords;
    }

    /** Written to a temporary file first, created owner-only, then moved: never half a file, never readable by others. */
    private static void write(Path file, Map<String, String> passwords) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        StringBuilder text = new StringBuilder("# Draagvlak's embedded users (HTTP Basic), one name=password a line.\n"
                + "# Made at first start because no users (draagvlak.security.users.*) or JWT issuer are configured.\n"
                + "# Keep it secret; delete a line (or the file) and restart to get a new password.\n");
        passwords.forEach((name, password) -> text.append(name).append('=').append(password).append('\n'));
        Path temporary = createOwnerOnly(folder);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        restrictToOwner(file);
    }

    private static Path createOwnerOnly(Path folder) throws IOException {
        if (posix(folder)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createTempFile(folder, ".credentials", ".tmp", ownerOnly);
        }
        Path temporary = Files.createTempFile(folder, ".credentials", ".tmp");
        temporary.toFile().setReadable(false, false);
        temporary.toFile().setReadable(true, true);
        return temporary;
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others than its owner: made owner-only", file.toAbsolutePath().normalize());
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** 192 random bits, URL-safe Base64: no character that needs quoting in a shell or a URL. */
    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
